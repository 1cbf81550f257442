package dev.overpaint.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TileGeometryTest {

  @Test
  void defaultGridCoversA208PixelCanvas() {
    TileGeometry g = TileGeometry.square(4, 64, 16);
    assertEquals(16, g.count());
    assertEquals(48, g.stride());
    assertEquals(208, g.width());
    assertEquals(208, g.height());
    assertEquals(new Tile(0, 0, 0, 64, 64), g.tile(0));
    assertEquals(new Tile(5, 48, 48, 64, 64), g.tile(5));
    Tile last = g.tile(15);
    assertEquals(g.width(), last.x() + last.w());
    assertEquals(g.height(), last.y() + last.h());
  }

  @Test
  void indicesAreRowMajor() {
    TileGeometry g = TileGeometry.of(3, 2, 32, 8);
    assertEquals(new Tile(2, 48, 0, 32, 32), g.tile(2));
    assertEquals(new Tile(3, 0, 24, 32, 32), g.tile(3));
    assertEquals(80, g.width());
    assertEquals(56, g.height());
  }

  @Test
  void oneTileIsTheWholeCanvas() {
    TileGeometry g = TileGeometry.square(1, 64, 16);
    assertEquals(64, g.width());
    assertEquals(1, g.count());
  }

  @Test
  void rejectsOverlapAsLargeAsTheTile() {
    assertThrows(IllegalArgumentException.class, () -> TileGeometry.square(4, 64, 64));
    assertThrows(IllegalArgumentException.class, () -> TileGeometry.square(0, 64, 16));
  }
}
