package dev.overpaint.pipeline;

import dev.overpaint.tiles.Tile;
import dev.overpaint.tiles.TileGeometry;
import java.awt.image.BufferedImage;
import java.util.List;

/** Receives the pipeline's progress: one call when the tiles are laid out, then one per step. */
public interface PipelineListener {

  PipelineListener NONE = new PipelineListener() {};

  default void started(Started event) {}

  default void step(Step event) {}

  /** The layout of the run, known once the base composition exists. */
  record Started(TileGeometry geometry, int steps, int[] timesteps, BufferedImage base) {}

  /**
   * After step {@code step} of {@code steps}: every tile's current x̂0, the natural live preview
   * (guided-diffusion's pred_xstart), before fusion.
   */
  record Step(int step, int steps, int timestep, List<TilePreview> tiles) {}

  record TilePreview(Tile tile, BufferedImage image) {}
}
