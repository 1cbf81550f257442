package dev.overpaint.tiles;

/**
 * Per-tile pixel weights normalised so that, at every canvas pixel, the weights of the tiles that
 * cover it sum to one. Fusing tiles with them is a convex combination, so a canvas cropped into
 * tiles and fused back is unchanged.
 */
public final class FusionWeights {

  private final TileGeometry geometry;
  private final WindowShape shape;
  private final float[][] weights;

  private FusionWeights(TileGeometry geometry, WindowShape shape, float[][] weights) {
    this.geometry = geometry;
    this.shape = shape;
    this.weights = weights;
  }

  public static FusionWeights of(TileGeometry geometry, WindowShape shape) {
    float[][] raw = new float[geometry.count()][];
    for (Tile tile : geometry.tiles()) {
      raw[tile.index()] =
          shape == WindowShape.NEAREST ? nearest(geometry, tile) : window(tile, shape);
    }
    normalise(geometry, raw);
    return new FusionWeights(geometry, shape, raw);
  }

  public TileGeometry geometry() {
    return geometry;
  }

  public WindowShape shape() {
    return shape;
  }

  /** Weight of tile {@code index} at its local pixel (tx, ty). */
  public float at(int index, int tx, int ty) {
    return weights[index][ty * geometry.tile(index).w() + tx];
  }

  /** Row-major h×w weights of one tile; callers must not modify the array. */
  float[] of(int index) {
    return weights[index];
  }

  private static float[] window(Tile tile, WindowShape shape) {
    float[] w = new float[tile.w() * tile.h()];
    for (int y = 0; y < tile.h(); y++) {
      double wy = shape.axisWeight(y, tile.h());
      for (int x = 0; x < tile.w(); x++) {
        w[y * tile.w() + x] = (float) (wy * shape.axisWeight(x, tile.w()));
      }
    }
    return w;
  }

  /** 1 where this tile's centre is the nearest (ties go to the lower index), else 0. */
  private static float[] nearest(TileGeometry g, Tile tile) {
    float[] w = new float[tile.w() * tile.h()];
    for (int y = 0; y < tile.h(); y++) {
      for (int x = 0; x < tile.w(); x++) {
        w[y * tile.w() + x] = owner(g, tile.x() + x, tile.y() + y) == tile.index() ? 1f : 0f;
      }
    }
    return w;
  }

  /** The tile whose centre is nearest along each axis separately, so ownership stays a grid. */
  private static int owner(TileGeometry g, int cx, int cy) {
    return nearestCentre(cy, g.rows(), g) * g.cols() + nearestCentre(cx, g.cols(), g);
  }

  private static int nearestCentre(int pixel, int count, TileGeometry g) {
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      int start = i * g.stride();
      if (pixel < start || pixel >= start + g.tileSize()) {
        continue;
      }
      double d = Math.abs(pixel + 0.5 - (start + g.tileSize() / 2.0));
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  private static void normalise(TileGeometry g, float[][] raw) {
    double[] total = new double[g.width() * g.height()];
    forEachPixel(g, (tile, local, canvas) -> total[canvas] += raw[tile.index()][local]);
    forEachPixel(g, (tile, local, canvas) -> raw[tile.index()][local] /= (float) total[canvas]);
  }

  private interface PixelVisitor {
    void visit(Tile tile, int local, int canvas);
  }

  private static void forEachPixel(TileGeometry g, PixelVisitor visitor) {
    for (Tile tile : g.tiles()) {
      for (int y = 0; y < tile.h(); y++) {
        for (int x = 0; x < tile.w(); x++) {
          visitor.visit(tile, y * tile.w() + x, (tile.y() + y) * g.width() + tile.x() + x);
        }
      }
    }
  }
}
