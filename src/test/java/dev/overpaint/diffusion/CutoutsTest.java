package dev.overpaint.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.overpaint.tiles.Resample;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CutoutsTest {

  @Test
  void theFirstCutoutOfEachImageIsTheWholeImageResized() {
    int[] shape = {2, 3, 16, 16};
    float[] images = random(shape[0] * 3 * 16 * 16, 1);
    Cutouts cuts = Cutouts.sample(shape, 3, 1.0, 8, new Random(2));
    float[] out = cuts.cut(images);
    float[] whole = new float[3 * 16 * 16];
    System.arraycopy(images, 3 * 16 * 16, whole, 0, whole.length);
    float[] expected = Resample.bilinear(whole, 3, 16, 16, 8, 8);
    float[] got = new float[3 * 8 * 8];
    System.arraycopy(out, 3 * (3 * 8 * 8), got, 0, got.length);
    assertArrayEquals(expected, got, 1e-6f);
  }

  @Test
  void accumulateIsTheAdjointOfCut() {
    int[] shape = {2, 3, 20, 12};
    Cutouts cuts = Cutouts.sample(shape, 4, 2.0, 8, new Random(5));
    float[] x = random(2 * 3 * 20 * 12, 3);
    float[] y = random(cuts.count() * 3 * 8 * 8, 4);
    float[] cx = cuts.cut(x);
    float[] cty = new float[x.length];
    cuts.accumulate(y, cty, 1.0);
    double left = 0;
    double right = 0;
    for (int i = 0; i < y.length; i++) {
      left += cx[i] * y[i];
    }
    for (int i = 0; i < x.length; i++) {
      right += x[i] * cty[i];
    }
    assertEquals(left, right, 1e-3);
  }

  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextFloat() * 2 - 1;
    }
    return x;
  }
}
