package dev.overpaint.diffusion;

/**
 * The scales of CLIP guidance, named as in Disco Diffusion (alembics/disco-diffusion
 * docs/parameters.md). Losses are means, as there, so the scales are large numbers.
 *
 * @param clipScale weight of the spherical distance between cutouts and the prompt
 * @param cutn random cutouts per tile (and as many again on the canvas)
 * @param cutPow cutout size exponent: above 1 favours small cutouts, below 1 large ones
 * @param canvasShare share of the CLIP term given to the downscaled whole canvas, in [0, 1]; the
 *     rest goes to the tiles, so a prompt describes the picture rather than each tile
 * @param tvScale total-variation smoothing of x_in
 * @param rangeScale penalty on values of x_in outside [-1, 1]
 * @param initScale pull of x_in toward the upscaled GAN base (MSE, where Disco uses LPIPS)
 * @param clampRms the guidance gradient's RMS is clamped to this (Disco's clamp_max)
 */
public record GuidanceSettings(
    double clipScale,
    int cutn,
    double cutPow,
    double canvasShare,
    double tvScale,
    double rangeScale,
    double initScale,
    double clampRms) {

  /** Defaults for the built-in models with only the CLIP scale chosen per job. */
  public static GuidanceSettings withClipScale(double clipScale) {
    return new GuidanceSettings(clipScale, 2, 1.0, 0.5, 0.0, 50.0, 0.0, 0.05);
  }
}
