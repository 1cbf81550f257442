package dev.overpaint.train;

import dev.overpaint.data.Dataset;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.Generator;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.models.Tensor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A cheap stand-in for the judge-feature Fréchet distance while no judge exists: the Fréchet
 * distance (Heusel et al. 2017) between Gaussians fitted to 8×8 area-averaged RGB thumbnails (192
 * features) of generated and real drawings. It sees palette, tone layout and coarse composition,
 * not line detail, so it is a proxy, not {@code gan.fd}.
 *
 * <p>Usage: {@code PixelFrechet builtin|<models-dir> [n=1000] [seed=1]}.
 */
public final class PixelFrechet {

  static final int CELLS = 8;

  private PixelFrechet() {}

  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "builtin";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    ModelSource source =
        what.equals("builtin") ? ModelSource.builtin() : ModelSource.directory(Path.of(what));
    try (ModelSet set = ModelRegistry.load(source, DeviceChoice.CPU)) {
      double fd = of(set.generator(), n, seed, 1f);
      System.out.printf(Locale.ROOT, "pixelFd8 %s n=%d: %.4f%n", what, n, fd);
    }
  }

  /** FD between n samples of {@code g} (latent seed, ψ) and n held-out renders. */
  public static double of(Generator g, int n, long seed, float psi) {
    int res = g.resolution();
    int dim = g.latentDim();
    double[][] fake = new double[n][];
    Random r = new Random(seed ^ 0x5DEECE66DL);
    int chunk = 50;
    for (int start = 0; start < n; start += chunk) {
      int b = Math.min(chunk, n - start);
      float[] z = new float[b * dim];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) r.nextGaussian();
      }
      Tensor img = g.synthesize(new Tensor(new int[] {b, dim}, z), psi, seed + start);
      for (int i = 0; i < b; i++) {
        fake[start + i] = thumb(img.data(), i * 3 * res * res, res);
      }
    }
    // Held out: dataset seed far from the training seeds.
    Dataset data = new Dataset(seed + 1_000_003L, res);
    double[][] real = new double[n][];
    for (int i = 0; i < n; i++) {
      real[i] = thumb(Dataset.toChw(data.sample(i).image()), 0, res);
    }
    return frechet(fake, real);
  }

  static double[] thumb(float[] chw, int offset, int res) {
    int cell = res / CELLS;
    double[] f = new double[3 * CELLS * CELLS];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < res; y++) {
        for (int x = 0; x < res; x++) {
          f[(c * CELLS + y / cell) * CELLS + x / cell] +=
              chw[offset + (c * res + y) * res + x] / (double) (cell * cell);
        }
      }
    }
    return f;
  }

  /** |μa − μb|² + tr Σa + tr Σb − 2 tr √(Σa^½ Σb Σa^½). */
  static double frechet(double[][] a, double[][] b) {
    int d = a[0].length;
    double[] ma = mean(a);
    double[] mb = mean(b);
    double[][] ca = cov(a, ma);
    double[][] cb = cov(b, mb);
    double diff = 0;
    double tr = 0;
    for (int i = 0; i < d; i++) {
      diff += (ma[i] - mb[i]) * (ma[i] - mb[i]);
      tr += ca[i][i] + cb[i][i];
    }
    double[][] sa = sqrtPsd(ca);
    double[][] m = mul(mul(sa, cb), sa);
    double[] eig = jacobi(m, null);
    double trSqrt = 0;
    for (double e : eig) {
      trSqrt += Math.sqrt(Math.max(0, e));
    }
    return diff + tr - 2 * trSqrt;
  }

  private static double[] mean(double[][] x) {
    double[] m = new double[x[0].length];
    for (double[] row : x) {
      for (int i = 0; i < m.length; i++) {
        m[i] += row[i] / x.length;
      }
    }
    return m;
  }

  private static double[][] cov(double[][] x, double[] m) {
    int d = m.length;
    double[][] c = new double[d][d];
    for (double[] row : x) {
      for (int i = 0; i < d; i++) {
        double di = row[i] - m[i];
        for (int j = i; j < d; j++) {
          c[i][j] += di * (row[j] - m[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i][j] /= (x.length - 1);
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  private static double[][] sqrtPsd(double[][] c) {
    int d = c.length;
    double[][] v = new double[d][d];
    double[] e = jacobi(c, v);
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += v[i][k] * Math.sqrt(Math.max(0, e[k])) * v[j][k];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  private static double[][] mul(double[][] a, double[][] b) {
    int d = a.length;
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double aik = a[i][k];
        for (int j = 0; j < d; j++) {
          out[i][j] += aik * b[k][j];
        }
      }
    }
    return out;
  }

  /**
   * Eigenvalues of a symmetric matrix by cyclic Jacobi rotations; eigenvectors into the columns of
   * {@code vectors} when it is not null.
   */
  static double[] jacobi(double[][] in, double[][] vectors) {
    int d = in.length;
    double[][] a = new double[d][];
    for (int i = 0; i < d; i++) {
      a[i] = in[i].clone();
    }
    if (vectors != null) {
      for (int i = 0; i < d; i++) {
        java.util.Arrays.fill(vectors[i], 0);
        vectors[i][i] = 1;
      }
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double total = 0;
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          total += a[i][j] * a[i][j];
          if (i != j) {
            off += a[i][j] * a[i][j];
          }
        }
      }
      if (off <= 1e-22 * Math.max(total, 1e-300)) {
        break;
      }
      for (int p = 0; p < d - 1; p++) {
        for (int q = p + 1; q < d; q++) {
          double apq = a[p][q];
          if (Math.abs(apq) < 1e-300) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          if (vectors != null) {
            for (int k = 0; k < d; k++) {
              double vkp = vectors[k][p];
              double vkq = vectors[k][q];
              vectors[k][p] = c * vkp - s * vkq;
              vectors[k][q] = s * vkp + c * vkq;
            }
          }
        }
      }
    }
    double[] e = new double[d];
    for (int i = 0; i < d; i++) {
      e[i] = a[i][i];
    }
    return e;
  }
}
