package dev.overpaint.pipeline;

import dev.overpaint.tiles.TileJitter;
import dev.overpaint.tiles.WindowShape;

/**
 * Deployment-wide knobs of the pipeline, recorded with every result next to the job parameters.
 *
 * @param tileSize tile side in canvas pixels, a multiple of the denoiser's size multiple
 * @param overlap pixels shared by neighbouring tiles
 * @param eta DDIM stochasticity; 0 is deterministic given the start noise
 * @param window per-pixel weights of MultiDiffusion fusion and of the feather blend
 * @param truncationPsi StyleGAN truncation of the base composition
 * @param fusion what the joint blend averages at every step
 * @param jitter the joint blend's random shift of the inner tile borders at every step but the
 *     last, in pixels; 0 keeps them in place
 */
public record PipelineSettings(
    int tileSize,
    int overlap,
    double eta,
    WindowShape window,
    double truncationPsi,
    FusionRule fusion,
    int jitter) {

  public static final PipelineSettings DEFAULTS =
      new PipelineSettings(64, 16, 0.0, WindowShape.COSINE, 0.8, FusionRule.MULTIDIFFUSION, 0);

  public PipelineSettings {
    TileJitter.requireFits(jitter, overlap);
  }

  public PipelineSettings withFusion(FusionRule rule) {
    return new PipelineSettings(tileSize, overlap, eta, window, truncationPsi, rule, jitter);
  }

  public PipelineSettings withJitter(int pixels) {
    return new PipelineSettings(tileSize, overlap, eta, window, truncationPsi, fusion, pixels);
  }
}
