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
    double sum = 0;
    long count = 0;
    for (Tile a : g.tiles()) {
      int col = a.index() % g.cols();
      int row = a.index() / g.cols();
      if (col + 1 < g.cols()) {
        Tile b = g.tile(a.index() + 1);
        sum += difference(batch, channels, g, a, b);
        count += (long) channels * shared(a, b);
      }
      if (row + 1 < g.rows()) {
        Tile b = g.tile(a.index() + g.cols());
        sum += difference(batch, channels, g, a, b);
        count += (long) channels * shared(a, b);
      }
    }
    return count == 0 ? 0 : sum / count / 2;
  }

  /** Pixels in the rectangle shared by tiles a and b. */
  private static long shared(Tile a, Tile b) {
    long w = Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x());
    long h = Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y());
    return Math.max(0, w) * Math.max(0, h);
  }

  /** Sum of |a − b| over the rectangle shared by tiles a and b. */
  private static double difference(float[] batch, int channels, TileGeometry g, Tile a, Tile b) {
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
    return sum;
  }
}
