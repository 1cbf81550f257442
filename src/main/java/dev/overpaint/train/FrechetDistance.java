package dev.overpaint.train;

/**
 * The Fréchet distance between Gaussians fitted to two feature sets (Heusel et al. 2017, the FID
 * formula, here on the judge CLIP's image features): |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½).
 *
 * <p>Tr((Σ₁Σ₂)^½) is computed as Tr((Σ₁^½ Σ₂ Σ₁^½)^½), whose argument is symmetric positive
 * semi-definite, so only symmetric eigen-decompositions are needed.
 */
public final class FrechetDistance {

  private FrechetDistance() {}

  /**
   * @param a, b feature rows (samples × dimensions), at least two rows each
   */
  public static double between(float[][] a, float[][] b) {
    double[] muA = mean(a);
    double[] muB = mean(b);
    double[][] covA = covariance(a, muA);
    double[][] covB = covariance(b, muB);
    double meanTerm = 0;
    for (int i = 0; i < muA.length; i++) {
      meanTerm += (muA[i] - muB[i]) * (muA[i] - muB[i]);
    }
    double[][] rootA = SymmetricEigen.of(covA).sqrtPsd();
    double[][] inner = symmetrise(multiply(multiply(rootA, covB), rootA));
    double traceRoot = 0;
    for (double lambda : SymmetricEigen.of(inner).values) {
      traceRoot += Math.sqrt(Math.max(0, lambda));
    }
    return meanTerm + trace(covA) + trace(covB) - 2 * traceRoot;
  }

  static double[] mean(float[][] x) {
    double[] mu = new double[x[0].length];
    for (float[] row : x) {
      for (int j = 0; j < mu.length; j++) {
        mu[j] += row[j];
      }
    }
    for (int j = 0; j < mu.length; j++) {
      mu[j] /= x.length;
    }
    return mu;
  }

  /** The unbiased sample covariance. */
  static double[][] covariance(float[][] x, double[] mu) {
    int d = mu.length;
    double[][] c = new double[d][d];
    for (float[] row : x) {
      for (int i = 0; i < d; i++) {
        double di = row[i] - mu[i];
        for (int j = i; j < d; j++) {
          c[i][j] += di * (row[j] - mu[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i][j] /= x.length - 1;
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double aik = a[i][k];
        for (int j = 0; j < n; j++) {
          r[i][j] += aik * b[k][j];
        }
      }
    }
    return r;
  }

  private static double[][] symmetrise(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = i + 1; j < m.length; j++) {
        double avg = (m[i][j] + m[j][i]) / 2;
        m[i][j] = avg;
        m[j][i] = avg;
      }
    }
    return m;
  }

  private static double trace(double[][] m) {
    double t = 0;
    for (int i = 0; i < m.length; i++) {
      t += m[i][i];
    }
    return t;
  }
}
