package dev.overpaint.tiles;

/** How much neighbouring tiles disagree where they overlap, before anything fuses them. */
public final class Overlaps {

  private Overlaps() {}

  /**
   * Mean absolute difference between horizontally and vertically neighbouring tiles of an N×C×t×t
   * batch over the canvas pixels both cover, in image units of [0, 1] (the batch is in [-1, 1]). 0
   * for a single tile.
   */
  public static double disagreement(float[] batch, int channels, TileGeometry g) {
    double[] total = new double[2];
    for (Tile a : g.tiles()) {
      int col = a.index() % g.cols();
      int row = a.index() / g.cols();
      if (col + 1 < g.cols()) {
        addDifference(batch, channels, g, a, g.tile(a.index() + 1), total);
      }
      if (row + 1 < g.rows()) {
        addDifference(batch, channels, g, a, g.tile(a.index() + g.cols()), total);
      }
    }
    return total[1] == 0 ? 0 : total[0] / total[1] / 2;
  }

  /** Adds {sum of |a − b|, values compared} over the rectangle shared by tiles a and b. */
  private static void addDifference(
      float[] batch, int channels, TileGeometry g, Tile a, Tile b, double[] total) {
    int t = g.tileSize();
    int x0 = Math.max(a.x(), b.x());
    int y0 = Math.max(a.y(), b.y());
    int x1 = Math.min(a.x() + a.w(), b.x() + b.w());
    int y1 = Math.min(a.y() + a.h(), b.y() + b.h());
    double sum = 0;
    for (int c = 0; c < channels; c++) {
      int baseA = (a.index() * channels + c) * t * t;
      int baseB = (b.index() * channels + c) * t * t;
      for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
          float va = batch[baseA + (y - a.y()) * t + x - a.x()];
          float vb = batch[baseB + (y - b.y()) * t + x - b.x()];
          sum += Math.abs(va - vb);
        }
      }
    }
    total[0] += sum;
    total[1] += (double) channels * Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  }
}
