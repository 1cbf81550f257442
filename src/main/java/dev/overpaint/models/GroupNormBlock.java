package dev.overpaint.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu &amp; He 2018) as a stand-alone block, which DJL 0.36 lacks: the fused
 * layerNorm over (N, G, C/G·H·W), then a per-channel affine with gamma/beta shaped (1, C, 1, 1).
 * The networks here call the same op ({@link Ops#groupNorm}) on their flat parameters.
 */
final class GroupNormBlock extends FlatBlock {

  private final int groups;
  private final int channels;
  private final Parameter gamma;
  private final Parameter beta;

  GroupNormBlock(int groups, int channels) {
    super((byte) 1);
    if (channels % groups != 0) {
      throw new IllegalArgumentException(
          channels + " channels do not split into " + groups + " groups");
    }
    this.groups = groups;
    this.channels = channels;
    gamma = param("gamma", Initializer.ONES, 1, channels, 1, 1);
    beta = param("beta", Initializer.ZEROS, 1, channels, 1, 1);
  }

  @Override
  Shape[] initShapes() {
    return new Shape[] {new Shape(1, channels, 1, 1)};
  }

  @Override
  Shape[] outputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    var x = inputs.singletonOrThrow();
    return new NDList(
        Ops.groupNorm(x, groups, value(ps, gamma, x, training), value(ps, beta, x, training)));
  }
}
