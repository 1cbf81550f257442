package dev.overpaint.train;

/**
 * Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan,
 * Matrix Computations, §8.5): slow for large n but exact to rounding and dependency-free, which is
 * all a 128-dimensional feature covariance needs.
 */
final class SymmetricEigen {

  final double[] values;

  /** Column k is the unit eigenvector of values[k]. */
  final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  static SymmetricEigen of(double[][] symmetric) {
    int n = symmetric.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = symmetric[i].clone();
    }
    double[][] v = identity(n);
    for (int sweep = 0;
        sweep < 100 && offDiagonal(a) > 1e-22 * Math.max(1e-300, trace2(a));
        sweep++) {
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(a, v, p, q);
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
    }
    return new SymmetricEigen(values, v);
  }

  /** The symmetric square root V·diag(√max(λ, 0))·Vᵀ of a positive semi-definite matrix. */
  double[][] sqrtPsd() {
    int n = values.length;
    double[][] r = new double[n][n];
    for (int k = 0; k < n; k++) {
      double s = Math.sqrt(Math.max(0, values[k]));
      for (int i = 0; i < n; i++) {
        double vik = vectors[i][k] * s;
        for (int j = 0; j < n; j++) {
          r[i][j] += vik * vectors[j][k];
        }
      }
    }
    return r;
  }

  private static void rotate(double[][] a, double[][] v, int p, int q) {
    if (Math.abs(a[p][q]) < 1e-300) {
      return;
    }
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = a.length;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  private static double offDiagonal(double[][] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (i != j) {
          sum += a[i][j] * a[i][j];
        }
      }
    }
    return sum;
  }

  private static double trace2(double[][] a) {
    double sum = 0;
    for (double[] row : a) {
      for (double x : row) {
        sum += x * x;
      }
    }
    return sum;
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }
}
