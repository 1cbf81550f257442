package dev.overpaint.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the training wrappers share: a trainable block in its own NDManager, a ParameterStore that
 * hands out the live parameter arrays, and one optimiser step per call. Each step runs in its own
 * sub-manager so that the graph and the gradient handles die with it (pitfall 1 in
 * shared/notes/djl-on-cpu.md), and gradients are zeroed by hand because a plain GradientCollector
 * lets libtorch accumulate them (pitfall 5).
 */
abstract class BlockTraining<B extends FlatBlock> implements AutoCloseable {

  protected final B block;
  protected final NDManager manager;
  protected final ParameterStore parameters;
  private final AdamOptimiser optimiser;
  private boolean closed;
  private long skipped;

  BlockTraining(B block, NDManager manager, AdamOptimiser.Settings optimiser) {
    this.block = block;
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    this.optimiser = new AdamOptimiser(optimiser, manager);
  }

  static NDManager newManager() {
    return NDManager.newBaseManager(Device.cpu());
  }

  /** Seeds the engine generator, then draws every parameter from it. */
  static <T extends FlatBlock> T initialise(T block, NDManager m, long seed) {
    Engine.getInstance().setRandomSeed((int) seed);
    block.initializeAll(m);
    block.unfreeze();
    return block;
  }

  /** Loads parameters written by {@link #save} (or a manifest's weight file) into a fresh block. */
  static <T extends FlatBlock> T load(T block, NDManager m, Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      block.loadParameters(m, in);
    } catch (MalformedModelException e) {
      throw new IOException("cannot load " + file + ": " + e.getMessage(), e);
    }
    block.unfreeze();
    return block;
  }

  static void save(FlatBlock block, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      block.saveParameters(out);
    }
  }

  /**
   * Linear warm-up to {@code lr} over {@code warmup} updates, then constant. The update count is
   * checkpointed with the Adam moments ({@link #saveOptimiser}); a run resumed without them counts
   * from 1 again, and the warm-up keeps its first steps on fresh moments small.
   */
  static Tracker warmUp(float lr, int warmup) {
    return warmUpThenCosine(lr, warmup, 0, 1f);
  }

  /**
   * {@link #warmUp}, then a half cosine from {@code lr} down to {@code finalFraction · lr} at
   * update {@code decayUpdates} (SGDR's annealing, Loshchilov &amp; Hutter 2017, without restarts),
   * constant after; {@code decayUpdates} ≤ {@code warmup} keeps {@code lr} constant. A small
   * model's last updates on a large step size leave its weights rattling around the minimum, which
   * the EMA only partly averages out.
   */
  static Tracker warmUpThenCosine(float lr, int warmup, int decayUpdates, float finalFraction) {
    return n -> {
      if (n <= warmup || decayUpdates <= warmup) {
        return lr * Math.min(1f, n / (float) Math.max(1, warmup));
      }
      double progress = Math.min(1.0, (n - warmup) / (double) (decayUpdates - warmup));
      double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
      return (float) (lr * (finalFraction + (1 - finalFraction) * cosine));
    };
  }

  /** Writes this block's parameters (a checkpoint). */
  public void saveParameters(Path file) throws IOException {
    save(block, file);
  }

  public long parameterCount() {
    return block.parameterCount();
  }

  /**
   * One optimiser step: builds the loss in a fresh sub-manager under the gradient collector,
   * backpropagates, updates every parameter, zeroes the gradients and returns the loss value.
   */
  protected final float optimise(Function<NDManager, NDArray> lossFn) {
    ensureOpen();
    synchronized (Scoped.AUTOGRAD_LOCK) {
      try (NDManager step = manager.newSubManager()) {
        float value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray loss = lossFn.apply(step);
          collector.backward(loss);
          value = loss.getFloat();
        }
        // Outside the collector: the in-place updates must not be recorded by autograd.
        List<Map.Entry<String, Parameter>> params = new ArrayList<>();
        List<NDArray> grads = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
          NDArray g = p.getValue().getArray().getGradient();
          // The gradient handle is created in the parameter's manager: move it to the step's.
          g.attach(step);
          params.add(Map.entry(p.getKey(), p.getValue()));
          grads.add(g);
        }
        float scale = clipScale(grads);
        if (scale > 0) {
          optimiser.update(params, grads, scale);
        }
        for (Map.Entry<String, Parameter> p : params) {
          // zero_() in place: g − g would keep a NaN, and every later update would be skipped.
          JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
        }
        return value;
      }
    }
  }

  /**
   * Global gradient-norm clipping (as nanoGPT does): the factor that brings the norm down to {@link
   * #maxGradNorm()}, 1 when it is below, or 0 when a gradient is not finite, and the update is
   * skipped rather than poisoning the weights and the Adam moments.
   */
  private float clipScale(List<NDArray> grads) {
    double norm = Ops.globalNorm(grads);
    if (!Double.isFinite(norm)) {
      skipped++;
      return 0f;
    }
    float max = maxGradNorm();
    return max > 0 && norm > max ? (float) (max / norm) : 1f;
  }

  /** Writes the optimiser's moments and update count beside a checkpoint's parameters. */
  public void saveOptimiser(Path file) throws IOException {
    optimiser.save(file);
  }

  /**
   * Continues the optimiser from a state written by {@link #saveOptimiser}, when {@code file}
   * exists (checkpoints from before 2026-12-04 have none).
   *
   * @return whether the state was there and was loaded
   */
  public boolean loadOptimiser(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    optimiser.load(file);
    return true;
  }

  /** Updates applied so far, in this process and in the runs it resumed with their optimiser. */
  public long updates() {
    return optimiser.updates();
  }

  /** Updates skipped so far because a gradient was not finite. */
  public long skippedUpdates() {
    return skipped;
  }

  /** The largest global gradient norm an update may have; 0 turns clipping off. */
  protected float maxGradNorm() {
    return 0f;
  }

  protected void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(getClass().getSimpleName() + " is closed");
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
