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

  /** The Fréchet distance of two thumbnail sets, by {@link FrechetDistance}. */
  static double frechet(double[][] a, double[][] b) {
    return FrechetDistance.between(toFloat(a), toFloat(b));
  }

  private static float[][] toFloat(double[][] x) {
    float[][] f = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      f[i] = new float[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        f[i][j] = (float) x[i][j];
      }
    }
    return f;
  }
}
