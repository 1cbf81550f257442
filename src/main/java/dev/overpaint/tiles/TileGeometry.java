package dev.overpaint.tiles;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of equal square tiles that overlap their neighbours by {@code overlap} pixels. The canvas
 * is exactly covered: width = cols·(tileSize − overlap) + overlap.
 */
public record TileGeometry(int cols, int rows, int tileSize, int overlap, List<Tile> tiles) {

  public TileGeometry {
    tiles = List.copyOf(tiles);
  }

  /** The grid×grid layout for the given tile side and overlap. */
  public static TileGeometry square(int grid, int tileSize, int overlap) {
    return of(grid, grid, tileSize, overlap);
  }

  public static TileGeometry of(int cols, int rows, int tileSize, int overlap) {
    if (cols < 1 || rows < 1) {
      throw new IllegalArgumentException(
          "a grid needs at least one tile, got " + cols + "x" + rows);
    }
    if (overlap < 0 || overlap >= tileSize) {
      throw new IllegalArgumentException(
          "overlap must be in [0, tileSize), got " + overlap + " for tiles of " + tileSize);
    }
    int stride = tileSize - overlap;
    List<Tile> tiles = new ArrayList<>(cols * rows);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        tiles.add(new Tile(r * cols + c, c * stride, r * stride, tileSize, tileSize));
      }
    }
    return new TileGeometry(cols, rows, tileSize, overlap, tiles);
  }

  /**
   * The same grid with column c moved by dx[c] and row r by dy[r] pixels. The first and last column
   * and row stay on the canvas edge, so the canvas stays covered while the borders between tiles
   * move; each overlap becomes overlap − dx[c] + dx[c − 1].
   */
  public TileGeometry shifted(int[] dx, int[] dy) {
    if (dx.length != cols || dy.length != rows) {
      throw new IllegalArgumentException("one offset per column and per row");
    }
    if (dx[0] != 0 || dx[cols - 1] != 0 || dy[0] != 0 || dy[rows - 1] != 0) {
      throw new IllegalArgumentException("the outer tiles stay on the canvas edge");
    }
    requireOverlapping(dx);
    requireOverlapping(dy);
    List<Tile> moved = new ArrayList<>(tiles.size());
    for (Tile t : tiles) {
      int c = t.index() % cols;
      int r = t.index() / cols;
      moved.add(new Tile(t.index(), t.x() + dx[c], t.y() + dy[r], t.w(), t.h()));
    }
    return new TileGeometry(cols, rows, tileSize, overlap, moved);
  }

  private void requireOverlapping(int[] d) {
    for (int k = 1; k < d.length; k++) {
      if (overlap - d[k] + d[k - 1] < 1) {
        throw new IllegalArgumentException("shifted tiles must still overlap");
      }
    }
  }

  public int stride() {
    return tileSize - overlap;
  }

  public int width() {
    return cols * stride() + overlap;
  }

  public int height() {
    return rows * stride() + overlap;
  }

  public int count() {
    return tiles.size();
  }

  public Tile tile(int index) {
    return tiles.get(index);
  }
}
