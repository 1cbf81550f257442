package dev.overpaint.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * {@link TextImageEncoder} over a {@link TinyClipBlock} (Radford et al. 2021), with the spherical
 * distance loss used for CLIP guidance (Crowson's spherical_dist_loss).
 */
public final class BuiltinClip extends Scoped<TinyClipBlock> implements TextImageEncoder {

  private final CaptionTokenizer tokenizer;

  BuiltinClip(TinyClipBlock block, NDManager manager, ModelInfo info, CaptionTokenizer tokenizer) {
    super(block, manager, info);
    this.tokenizer = tokenizer;
  }

  public CaptionTokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public int imageSize() {
    return block.config().imageSize();
  }

  @Override
  public int embedDim() {
    return block.config().embedDim();
  }

  @Override
  public synchronized float[] encodeText(String text) {
    ensureOpen();
    int[] ids = tokenizer.encode(text);
    long[] tokens = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      tokens[i] = ids[i];
    }
    try (NDManager m = manager.newSubManager()) {
      NDArray t = m.create(tokens, new Shape(1, tokens.length));
      return unit(block.encodeText(parameters, t, false)).toFloatArray();
    }
  }

  @Override
  public synchronized Tensor encodeImages(Tensor images) {
    ensureOpen();
    checkImages(images);
    try (NDManager m = manager.newSubManager()) {
      NDArray x = Ops.resize(in(m, images), imageSize());
      return out(unit(block.encodeImage(parameters, x, false)));
    }
  }

  @Override
  public synchronized LossGradient sphericalDistance(Tensor images, float[] target) {
    ensureOpen();
    checkImages(images);
    if (target.length != embedDim()) {
      throw new IllegalArgumentException(
          "target must have " + embedDim() + " values, got " + target.length);
    }
    // Parameters are frozen at load, so the graph records the path to the images only.
    synchronized (AUTOGRAD_LOCK) {
      try (NDManager m = manager.newSubManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray x = in(m, images);
        x.setRequiresGradient(true);
        NDArray e = unit(block.encodeImage(parameters, Ops.resize(x, imageSize()), false));
        NDArray t = m.create(target, new Shape(1, target.length));
        NDArray loss = sphericalLoss(e, t);
        collector.backward(loss.sum());
        float[] grad = x.getGradient().toFloatArray();
        return new LossGradient(loss.toFloatArray(), new Tensor(images.shape().clone(), grad));
      }
    }
  }

  /** 2·asin(|e − t| / 2)² per row; the ε under the root keeps the gradient finite at e = t. */
  private static NDArray sphericalLoss(NDArray e, NDArray t) {
    NDArray half =
        Ops.over(e.sub(t).square().sum(new int[] {1}).add(1e-12f).sqrt(), 2f).clip(0f, 1f);
    return Ops.times(half.asin().square(), 2f);
  }

  /** Rows scaled to unit L2 norm. */
  static NDArray unit(NDArray x) {
    return x.div(x.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
  }

  private static void checkImages(Tensor images) {
    if (images.rank() != 4 || images.dim(1) != 3 || images.dim(0) < 1) {
      throw new IllegalArgumentException("images must be (n, 3, h, w), got " + images);
    }
  }
}
