package dev.overpaint.diffusion;

import dev.overpaint.tiles.FusionWeights;

/**
 * A conditioning function in the sense of guided-diffusion's cond_fn: the gradient of a log
 * probability (or of a negative loss) with respect to the current sample, evaluated on a batch.
 */
@FunctionalInterface
public interface CondFn {

  /** No guidance: the zero gradient, computed for free. */
  CondFn NONE = (xt, predX0, shape, t, alphaCumprod, layout) -> null;

  /**
   * @param xt the batch x_t, shape N×C×H×W flattened
   * @param predX0 the denoiser's x̂0 for the same batch
   * @param shape {N, C, H, W}
   * @param t the timestep of x_t
   * @param alphaCumprod ᾱ_t
   * @param layout where the batch's tiles lie on the canvas this step, with their window weights
   * @return ∇_x log p(y | x_t) with the batch's shape, or null for no guidance
   */
  float[] gradient(
      float[] xt, float[] predX0, int[] shape, int t, double alphaCumprod, FusionWeights layout);
}
