package dev.overpaint.diffusion;

import dev.overpaint.models.Tensor;
import dev.overpaint.models.TextImageEncoder;
import dev.overpaint.tiles.FusionWeights;
import dev.overpaint.tiles.TileFusion;
import dev.overpaint.tiles.TileGeometry;
import java.util.Random;

/**
 * CLIP guidance over tiles and canvas, after CLIP-Guided Diffusion (Crowson 2021) and Disco
 * Diffusion. The cond_fn works on x_in = x̂0·fac + x_t·(1 − fac), fac = √(1 − ᾱ_t):
 *
 * <ul>
 *   <li>random cutouts of every tile, and of the fused whole canvas, are encoded by CLIP and pulled
 *       toward the prompt by the spherical distance 2·arcsin(|a − b|/2)²;
 *   <li>total variation and range losses keep x_in smooth and in range; an init loss pulls it
 *       toward the upscaled GAN base;
 *   <li>the gradient's RMS is clamped, as Disco's clamp_max.
 * </ul>
 *
 * <p>The gradient is taken with respect to x_in and used for x_t (x̂0 is held fixed, so the
 * denoiser is not backpropagated through); the canvas term reaches each tile by cropping. The tile
 * layout comes with every call, because a jittered grid moves from step to step.
 */
public final class ClipGuidance implements CondFn {

  private final TextImageEncoder encoder;
  private final float[] target;
  private final GuidanceSettings s;
  private final float[] initCanvas;
  private final Random random;

  /**
   * @param initCanvas the upscaled GAN base (C×H×W), which the init loss pulls toward
   * @param seed seeds the cutout positions
   */
  public ClipGuidance(
      TextImageEncoder encoder,
      float[] target,
      GuidanceSettings settings,
      float[] initCanvas,
      long seed) {
    this.encoder = encoder;
    this.target = target.clone();
    this.s = settings;
    this.initCanvas = initCanvas;
    this.random = new Random(seed);
  }

  @Override
  public float[] gradient(
      float[] xt, float[] predX0, int[] shape, int t, double alphaCumprod, FusionWeights layout) {
    float fac = (float) Math.sqrt(1 - alphaCumprod);
    float[] xIn = new float[xt.length];
    for (int i = 0; i < xt.length; i++) {
      xIn[i] = predX0[i] * fac + xt[i] * (1 - fac);
    }
    float[] lossGrad = new float[xIn.length];
    TileGeometry geometry = layout.geometry();
    boolean canvasTerm = s.canvasShare() > 0 && geometry.count() > 1;
    double tileShare = canvasTerm ? 1 - s.canvasShare() : 1;
    if (s.clipScale() > 0 && tileShare > 0) {
      clipTerm(xIn, shape, s.cutn(), s.clipScale() * tileShare, lossGrad);
    }
    if (s.clipScale() > 0 && canvasTerm) {
      canvasTerm(xIn, shape, layout, lossGrad);
    }
    Regularisers.tv(xIn, shape, s.tvScale(), lossGrad);
    Regularisers.range(xIn, shape, s.rangeScale(), lossGrad);
    if (s.initScale() != 0) {
      float[] initTiles = TileFusion.cropAll(initCanvas, shape[1], geometry);
      Regularisers.towards(xIn, initTiles, shape, s.initScale(), lossGrad);
    }
    return clampedAscent(lossGrad);
  }

  /** Adds scale·∂(mean over each image's cutouts of the spherical distance)/∂images. */
  private void clipTerm(float[] images, int[] shape, int cutn, double scale, float[] lossGrad) {
    int size = encoder.imageSize();
    Cutouts cuts = Cutouts.sample(shape, cutn, s.cutPow(), size, random);
    Tensor batch = new Tensor(new int[] {cuts.count(), shape[1], size, size}, cuts.cut(images));
    float[] cutGrad = encoder.sphericalDistance(batch, target).gradient().data();
    cuts.accumulate(cutGrad, lossGrad, scale / cutn);
  }

  /** The global term: the prompt describes the fused picture, not each tile. */
  private void canvasTerm(float[] xIn, int[] shape, FusionWeights layout, float[] lossGrad) {
    int c = shape[1];
    TileGeometry geometry = layout.geometry();
    float[] canvas = TileFusion.fuse(xIn, c, layout);
    int[] canvasShape = {1, c, geometry.height(), geometry.width()};
    float[] canvasGrad = new float[canvas.length];
    clipTerm(canvas, canvasShape, 2 * s.cutn(), s.clipScale() * s.canvasShare(), canvasGrad);
    float[] perTile = TileFusion.cropAll(canvasGrad, c, geometry);
    for (int i = 0; i < lossGrad.length; i++) {
      lossGrad[i] += perTile[i];
    }
  }

  /** −∂loss/∂x, its RMS clamped to clampRms. */
  private float[] clampedAscent(float[] lossGrad) {
    double sumSquares = 0;
    for (float g : lossGrad) {
      sumSquares += g * g;
    }
    double rms = Math.sqrt(sumSquares / lossGrad.length);
    double factor = rms > s.clampRms() && rms > 0 ? s.clampRms() / rms : 1;
    float[] grad = new float[lossGrad.length];
    for (int i = 0; i < grad.length; i++) {
      grad[i] = (float) (-lossGrad[i] * factor);
    }
    return grad;
  }
}
