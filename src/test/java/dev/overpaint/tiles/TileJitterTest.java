package dev.overpaint.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TileJitterTest {

  private static final TileGeometry GRID = TileGeometry.square(4, 64, 16);

  @Test
  void innerColumnsAndRowsMoveWithinTheAmountAndTheCanvasStaysCovered() {
    TileJitter jitter = new TileJitter(GRID, 6, 11);
    Set<Integer> columnOneX = new HashSet<>();
    for (int step = 0; step < 50; step++) {
      TileGeometry g = jitter.next();
      for (Tile t : g.tiles()) {
        Tile n = GRID.tile(t.index());
        assertTrue(Math.abs(t.x() - n.x()) <= 6 && Math.abs(t.y() - n.y()) <= 6, "within 6 px");
      }
      assertEquals(0, g.tile(0).x(), "the first column stays on the edge");
      assertEquals(GRID.width(), g.tile(3).x() + 64, "the last column stays on the edge");
      assertEquals(g.tile(1).x(), g.tile(13).x(), "a column moves as one");
      assertCovered(g);
      columnOneX.add(g.tile(1).x());
    }
    assertTrue(columnOneX.size() > 5, "the borders do not sit in the same place twice in a row");
  }

  @Test
  void theSameSeedGivesTheSameLayouts() {
    TileJitter a = new TileJitter(GRID, 6, 5);
    TileJitter b = new TileJitter(GRID, 6, 5);
    TileJitter c = new TileJitter(GRID, 6, 6);
    List<Tile> fromA = a.next().tiles();
    assertEquals(fromA, b.next().tiles());
    assertNotEquals(fromA, c.next().tiles());
  }

  @Test
  void noJitterKeepsTheNominalGrid() {
    assertSame(GRID, new TileJitter(GRID, 0, 1).next());
  }

  @Test
  void jitterThatCouldOpenAGapIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TileJitter(GRID, 8, 1));
    assertThrows(IllegalArgumentException.class, () -> new TileJitter(GRID, -1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> GRID.shifted(new int[] {1, 0, 0, 0}, new int[4]),
        "the outer tiles stay put");
  }

  @Test
  void shiftedWeightsStillSumToOneAndOverlapsAreMeasuredWhereTilesMeet() {
    TileGeometry g = GRID.shifted(new int[] {0, 7, -7, 0}, new int[] {0, -3, 2, 0});
    FusionWeights w = FusionWeights.of(g, WindowShape.COSINE);
    float[] ones = new float[g.count() * 64 * 64];
    java.util.Arrays.fill(ones, 1f);
    for (float v : TileFusion.fuse(ones, 1, w)) {
      assertEquals(1f, v, 1e-5f);
    }
    assertEquals(0, Overlaps.disagreement(ones, 1, g), 0);
  }

  private static void assertCovered(TileGeometry g) {
    boolean[] covered = new boolean[g.width() * g.height()];
    for (Tile t : g.tiles()) {
      for (int y = t.y(); y < t.y() + t.h(); y++) {
        for (int x = t.x(); x < t.x() + t.w(); x++) {
          covered[y * g.width() + x] = true;
        }
      }
    }
    for (boolean c : covered) {
      assertTrue(c);
    }
  }
}
