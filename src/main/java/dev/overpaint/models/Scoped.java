package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * What every wrapper holds: its block, the model's NDManager (parameters live there) and a
 * ParameterStore that hands out the parameter arrays without copying.
 */
abstract class Scoped<B extends FlatBlock> implements AutoCloseable {

  /**
   * libtorch allows one gradient collector per process at a time: callers of autograd share this.
   */
  static final Object AUTOGRAD_LOCK = new Object();

  protected final B block;
  protected final NDManager manager;
  protected final ParameterStore parameters;
  protected final ModelInfo info;
  private boolean closed;

  Scoped(B block, NDManager manager, ModelInfo info) {
    this.block = block;
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    this.info = info;
  }

  public ModelInfo info() {
    return info;
  }

  B block() {
    return block;
  }

  /** Copies a Tensor into the call scope. */
  static NDArray in(NDManager m, Tensor t) {
    long[] shape = new long[t.shape().length];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = t.shape()[i];
    }
    return m.create(t.data(), new Shape(shape));
  }

  /** Copies an NDArray out of the call scope. */
  static Tensor out(NDArray a) {
    long[] s = a.getShape().getShape();
    int[] shape = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      shape[i] = Math.toIntExact(s[i]);
    }
    return new Tensor(shape, a.toFloatArray());
  }

  protected void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(info.role() + " " + info.name() + " is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }
}
