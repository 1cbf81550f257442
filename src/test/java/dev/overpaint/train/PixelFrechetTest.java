package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelFrechetTest {

  private static double[][] gaussian(int n, int d, double mean, double sd, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int i = 0; i < d; i++) {
        row[i] = mean + sd * r.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void matchesTheClosedFormForIsotropicGaussians() {
    // N(0, I) vs N(1, 4I) in d dims: d·1 + d·(1 + 4 − 2·2) = 2d
    int d = 6;
    double fd = PixelFrechet.frechet(gaussian(20000, d, 0, 1, 1), gaussian(20000, d, 1, 2, 2));
    assertEquals(2 * d, fd, 0.4);
    double same = PixelFrechet.frechet(gaussian(5000, d, 0, 1, 3), gaussian(5000, d, 0, 1, 4));
    assertTrue(same < 0.05, "same distribution: " + same);
  }
}
