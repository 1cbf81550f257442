package dev.overpaint.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResampleTest {

  @Test
  void constantImageStaysConstant() {
    float[] src = new float[3 * 4 * 4];
    Arrays.fill(src, 0.25f);
    float[] out = Resample.bilinear(src, 3, 4, 4, 13, 13);
    for (float v : out) {
      assertEquals(0.25f, v, 1e-6f);
    }
  }

  @Test
  void sameSizeIsIdentity() {
    float[] src = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    assertArrayEquals(src, Resample.bilinear(src, 1, 3, 3, 3, 3), 1e-6f);
  }

  @Test
  void doublingInterpolatesBetweenNeighbours() {
    float[] out = Resample.bilinear(new float[] {0, 1}, 1, 1, 2, 1, 4);
    // Half-pixel centres: samples at source x = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped).
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, out, 1e-6f);
  }

  @Test
  void adjointSatisfiesTheDotProductIdentity() {
    // <A x, y> = <x, Aᵀ y> for the linear map A = bilinear resize 5x7 -> 13x4.
    java.util.Random r = new java.util.Random(4);
    float[] x = new float[2 * 5 * 7];
    float[] y = new float[2 * 13 * 4];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat() - 0.5f;
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = r.nextFloat() - 0.5f;
    }
    float[] ax = Resample.bilinear(x, 2, 5, 7, 13, 4);
    float[] aty = Resample.bilinearAdjoint(y, 2, 5, 7, 13, 4);
    double left = 0;
    double right = 0;
    for (int i = 0; i < y.length; i++) {
      left += ax[i] * y[i];
    }
    for (int i = 0; i < x.length; i++) {
      right += x[i] * aty[i];
    }
    assertEquals(left, right, 1e-5);
  }
}
