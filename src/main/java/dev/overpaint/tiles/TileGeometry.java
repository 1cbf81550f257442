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
