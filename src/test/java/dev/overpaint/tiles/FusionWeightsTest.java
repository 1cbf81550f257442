package dev.overpaint.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FusionWeightsTest {

  @ParameterizedTest
  @CsvSource({
    "UNIFORM,4,64,16", "GAUSSIAN,4,64,16", "COSINE,4,64,16", "NEAREST,4,64,16",
    "COSINE,1,64,16", "GAUSSIAN,3,32,8", "NEAREST,5,32,12", "UNIFORM,2,16,0"
  })
  void weightsSumToOneAtEveryCanvasPixel(WindowShape shape, int grid, int tile, int overlap) {
    TileGeometry g = TileGeometry.square(grid, tile, overlap);
    FusionWeights w = FusionWeights.of(g, shape);
    double[] sum = new double[g.width() * g.height()];
    for (Tile t : g.tiles()) {
      for (int y = 0; y < t.h(); y++) {
        for (int x = 0; x < t.w(); x++) {
          float v = w.at(t.index(), x, y);
          assertTrue(v >= 0, "weights are non-negative");
          sum[(t.y() + y) * g.width() + t.x() + x] += v;
        }
      }
    }
    for (int p = 0; p < sum.length; p++) {
      assertEquals(1.0, sum[p], 1e-5, "pixel " + (p % g.width()) + "," + (p / g.width()));
    }
  }

  @ParameterizedTest
  @EnumSource(WindowShape.class)
  void croppingThenFusingGivesTheCanvasBack(WindowShape shape) {
    TileGeometry g = TileGeometry.square(3, 32, 8);
    float[] canvas = new float[3 * g.width() * g.height()];
    Random random = new Random(1);
    for (int i = 0; i < canvas.length; i++) {
      canvas[i] = random.nextFloat() * 2 - 1;
    }
    float[] tiles = TileFusion.cropAll(canvas, 3, g);
    float[] fused = TileFusion.fuse(tiles, 3, FusionWeights.of(g, shape));
    assertArrayEquals(canvas, fused, 1e-5f);
  }

  @ParameterizedTest
  @EnumSource(
      value = WindowShape.class,
      names = {"GAUSSIAN", "COSINE"})
  void smoothWindowsFavourTheTileCentre(WindowShape shape) {
    FusionWeights w = FusionWeights.of(TileGeometry.square(2, 32, 16), shape);
    assertTrue(w.at(0, 8, 8) > w.at(0, 28, 8), "a tile's own interior outweighs its far edge");
  }

  @ParameterizedTest
  @EnumSource(value = WindowShape.class, names = "NEAREST")
  void nearestIsAHardSplitAtTheOverlapMiddle(WindowShape shape) {
    FusionWeights w = FusionWeights.of(TileGeometry.square(2, 32, 16), shape);
    // Tile 0 spans 0..31 and tile 1 spans 16..47: pixel 23 is tile 0's, pixel 24 is tile 1's.
    assertEquals(1f, w.at(0, 23, 0));
    assertEquals(0f, w.at(0, 24, 0));
    assertEquals(1f, w.at(1, 24 - 16, 0));
  }
}
