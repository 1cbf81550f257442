package dev.overpaint.pipeline;

import dev.overpaint.tiles.WindowShape;

/**
 * Deployment-wide knobs of the pipeline, recorded with every result next to the job parameters.
 *
 * @param tileSize tile side in canvas pixels, a multiple of the denoiser's size multiple
 * @param overlap pixels shared by neighbouring tiles
 * @param eta DDIM stochasticity; 0 is deterministic given the start noise
 * @param window per-pixel weights used by the joint and feather blends
 * @param truncationPsi StyleGAN truncation of the base composition
 */
public record PipelineSettings(
    int tileSize, int overlap, double eta, WindowShape window, double truncationPsi) {

  public static final PipelineSettings DEFAULTS =
      new PipelineSettings(64, 16, 0.0, WindowShape.COSINE, 0.8);
}
