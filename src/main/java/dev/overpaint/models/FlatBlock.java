package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AbstractBlock whose parameters are all direct, with dotted names ("synthesis.b8.conv0.weight")
 * and shapes fixed by the hyper-parameters at construction. A flat list keeps the manifest's
 * parameter names identical to the names in the .params file and needs no child-block plumbing.
 */
abstract class FlatBlock extends AbstractBlock {

  private final Map<String, Parameter> byName = new LinkedHashMap<>();

  FlatBlock(byte version) {
    super(version);
  }

  /** Registers a parameter with its final shape and initialiser. */
  protected final Parameter param(String name, Initializer init, long... shape) {
    Parameter p =
        addParameter(
            Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(shape))
                .optInitializer(init)
                .build());
    byName.put(name, p);
    return p;
  }

  /** The parameter's array for this call (no copy on the same device). */
  protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
    return ps.getValue(p, like.getDevice(), training);
  }

  Parameter parameter(String name) {
    Parameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return p;
  }

  /** Input shapes used to initialise the block (batch 1). */
  abstract Shape[] initShapes();

  /** Allocates and initialises every parameter from the engine's (seeded) generator. */
  void initializeAll(NDManager manager) {
    initialize(manager, DataType.FLOAT32, initShapes());
  }

  /**
   * Copies every parameter of {@code from} into this block's parameter of the same name (the shapes
   * must agree); parameters only this block has keep their values.
   */
  void copyMatching(FlatBlock from) {
    for (Map.Entry<String, Parameter> e : from.byName.entrySet()) {
      NDArray target = parameter(e.getKey()).getArray();
      NDArray source = e.getValue().getArray();
      if (!target.getShape().equals(source.getShape())) {
        throw new IllegalArgumentException(
            e.getKey() + ": shape " + source.getShape() + " does not fit " + target.getShape());
      }
      source.copyTo(target);
    }
  }

  /** Total number of scalar parameters. */
  long parameterCount() {
    long n = 0;
    for (Parameter p : byName.values()) {
      n += p.getShape().size();
    }
    return n;
  }

  /** Stops gradients from accumulating in parameters (inference and CLIP guidance). */
  void freeze() {
    for (Parameter p : byName.values()) {
      p.freeze(true);
    }
  }

  /** Lets gradients reach every parameter again (training starts from a loaded, frozen block). */
  void unfreeze() {
    for (Parameter p : byName.values()) {
      p.freeze(false);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return outputShapes(inputShapes);
  }

  abstract Shape[] outputShapes(Shape[] inputShapes);
}
