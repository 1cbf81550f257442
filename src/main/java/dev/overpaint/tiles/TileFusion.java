package dev.overpaint.tiles;

/**
 * Moves pixels between a channel-first canvas (C×H×W) and a batch of tiles (N×C×t×t), the two
 * halves of every fused diffusion step: crop the tiles out, denoise them, fuse them back.
 */
public final class TileFusion {

  private TileFusion() {}

  /** All tiles of the geometry cut out of the canvas, as one N×C×t×t batch. */
  public static float[] cropAll(float[] canvas, int channels, TileGeometry g) {
    int t = g.tileSize();
    float[] batch = new float[g.count() * channels * t * t];
    for (Tile tile : g.tiles()) {
      int base = tile.index() * channels * t * t;
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < t; y++) {
          int src = (c * g.height() + tile.y() + y) * g.width() + tile.x();
          System.arraycopy(canvas, src, batch, base + (c * t + y) * t, t);
        }
      }
    }
    return batch;
  }

  /**
   * The weighted sum of the tiles placed on the canvas. With normalised weights every pixel is a
   * convex combination of the tiles that cover it.
   */
  public static float[] fuse(float[] batch, int channels, FusionWeights weights) {
    TileGeometry g = weights.geometry();
    int t = g.tileSize();
    float[] canvas = new float[channels * g.width() * g.height()];
    for (Tile tile : g.tiles()) {
      float[] w = weights.of(tile.index());
      int base = tile.index() * channels * t * t;
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < t; y++) {
          int dst = (c * g.height() + tile.y() + y) * g.width() + tile.x();
          int src = base + (c * t + y) * t;
          for (int x = 0; x < t; x++) {
            canvas[dst + x] += w[y * t + x] * batch[src + x];
          }
        }
      }
    }
    return canvas;
  }
}
