package dev.overpaint.diffusion;

import dev.overpaint.models.Tensor;
import dev.overpaint.models.TextImageEncoder;

/**
 * CLIP guidance toward a prompt in the manner of CLIP-Guided Diffusion (Crowson 2021) and Disco
 * Diffusion: the loss is the spherical distance between CLIP's embedding of x_in = x̂0·fac + x_t·(1
 * − fac), fac = √(1 − ᾱ_t), and the prompt's embedding; its negative gradient, scaled, is the
 * guidance.
 *
 * <p>This is the per-tile term on the whole tile. Cutouts, the canvas-level term and the
 * regularising losses belong to the tile-fusion work and plug in here.
 */
public final class ClipGuidance implements CondFn {

  private final TextImageEncoder encoder;
  private final float[] target;
  private final double scale;

  public ClipGuidance(TextImageEncoder encoder, float[] target, double scale) {
    this.encoder = encoder;
    this.target = target.clone();
    this.scale = scale;
  }

  @Override
  public float[] gradient(float[] xt, float[] predX0, int[] shape, int t, double alphaCumprod) {
    float fac = (float) Math.sqrt(1 - alphaCumprod);
    float[] xIn = new float[xt.length];
    for (int i = 0; i < xt.length; i++) {
      xIn[i] = predX0[i] * fac + xt[i] * (1 - fac);
    }
    float[] lossGradient =
        encoder.sphericalDistance(new Tensor(shape.clone(), xIn), target).gradient().data();
    float[] grad = new float[lossGradient.length];
    for (int i = 0; i < grad.length; i++) {
      grad[i] = (float) (-scale * lossGradient[i]);
    }
    return grad;
  }
}
