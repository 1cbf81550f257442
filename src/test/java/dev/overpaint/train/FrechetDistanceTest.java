package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

  @Test
  void identicalSetsAreAtDistanceZero() {
    float[][] a = gaussian(500, 8, 1, 0, new Random(1));
    assertEquals(0.0, FrechetDistance.between(a, a), 1e-9);
  }

  @Test
  void matchesTheClosedFormForDiagonalGaussians() {
    // Exact moments: means 0 and 1 on every axis, diagonal covariances va·I and vb = 4·va·I.
    float[][] a = symmetricSample(0, 1);
    float[][] b = symmetricSample(1, 2);
    int d = a[0].length;
    double va = 2.0 / (2 * d - 1);
    double vb = 4 * va;
    double expected = d + d * (va + vb - 2 * Math.sqrt(va * vb));
    assertEquals(expected, FrechetDistance.between(a, b), 1e-6);
  }

  @Test
  void samplesOfTheSameDistributionAreCloserThanShiftedOnes() {
    Random r = new Random(2);
    float[][] a = gaussian(1000, 16, 1, 0, r);
    float[][] b = gaussian(1000, 16, 1, 0, r);
    float[][] c = gaussian(1000, 16, 1, 0.5f, r);
    assertTrue(FrechetDistance.between(a, b) < 0.1 * FrechetDistance.between(a, c));
  }

  @Test
  void jacobiRecoversEigenvaluesOfAKnownMatrix() {
    double[][] m = {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}};
    double[] values = SymmetricEigen.of(m).values.clone();
    java.util.Arrays.sort(values);
    assertEquals(1, values[0], 1e-12);
    assertEquals(3, values[1], 1e-12);
    assertEquals(5, values[2], 1e-12);
    double[][] root = SymmetricEigen.of(m).sqrtPsd();
    double[][] square = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          square[i][j] += root[i][k] * root[k][j];
        }
        assertEquals(m[i][j], square[i][j], 1e-10);
      }
    }
  }

  private static float[][] gaussian(int n, int d, float scale, float shift, Random r) {
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (r.nextGaussian() * scale + shift);
      }
    }
    return x;
  }

  /**
   * ±scale along each axis (2d rows): sample mean `shift`, unbiased variance exactly
   * scale²·2d/(2d−1).
   */
  private static float[][] symmetricSample(float shift, float scale) {
    int d = 4;
    float[][] x = new float[2 * d][d];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < x.length; k++) {
        x[k][j] = shift;
      }
      x[2 * j][j] += scale;
      x[2 * j + 1][j] -= scale;
    }
    return x;
  }
}
