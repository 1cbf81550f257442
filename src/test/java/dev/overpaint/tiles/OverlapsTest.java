package dev.overpaint.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OverlapsTest {

  @Test
  void tilesCutFromOneCanvasAgreeEverywhere() {
    TileGeometry g = TileGeometry.square(3, 16, 4);
    float[] canvas = new float[3 * g.width() * g.height()];
    Random r = new Random(3);
    for (int i = 0; i < canvas.length; i++) {
      canvas[i] = r.nextFloat() * 2 - 1;
    }
    assertEquals(0.0, Overlaps.disagreement(TileFusion.cropAll(canvas, 3, g), 3, g), 1e-12);
  }

  @Test
  void aTileOffsetByAConstantDisagreesByHalfOfIt() {
    TileGeometry g = TileGeometry.of(2, 1, 8, 2);
    float[] batch = new float[2 * 3 * 8 * 8];
    java.util.Arrays.fill(batch, 3 * 8 * 8, batch.length, 0.5f);
    // One shared strip, |0 − 0.5| = 0.5 in [-1, 1] units = 0.25 in [0, 1] units.
    assertEquals(0.25, Overlaps.disagreement(batch, 3, g), 1e-9);
    assertEquals(0.0, Overlaps.disagreement(new float[3 * 8 * 8], 3, TileGeometry.square(1, 8, 2)));
  }
}
