package dev.overpaint.train;

import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.GaussianNoise;
import dev.overpaint.diffusion.NoiseSchedule;
import dev.overpaint.models.Denoiser;
import dev.overpaint.models.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Denoising error of an ε-prediction model (the L_simple of Ho et al. 2020 at fixed t): for clean
 * pictures x0 and noise ε drawn from a fixed seed, mean((ε_θ(√ᾱ_t·x0 + √(1−ᾱ_t)·ε, t) − ε)²). The
 * same seed gives two models the same noise, so their numbers compare pairwise. An untrained
 * network that predicts ε̂ ≈ 0 scores ≈ 1.
 */
public final class DenoisingEval {

  /** The timesteps the project reports (unet.mse_by_t). */
  public static final int[] REPORTED_T = {100, 500, 900};

  private static final int BATCH = 25;

  private DenoisingEval() {}

  /** MSE at each of {@link #REPORTED_T}, keyed by the timestep as a string. */
  public static Map<String, Double> mseByT(Denoiser d, List<float[]> x0s, int size, long seed) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int t : REPORTED_T) {
      out.put(Integer.toString(t), mse(d, x0s, size, t, seed));
    }
    return out;
  }

  /** MSE of ε̂ at timestep t over all pictures (each 3×size×size). */
  public static double mse(Denoiser d, List<float[]> x0s, int size, int t, long seed) {
    NoiseSchedule schedule = NoiseSchedule.named(d.schedule(), d.diffusionSteps());
    GaussianNoise noise = new GaussianNoise(seed * 31 + t);
    int item = 3 * size * size;
    double sum = 0;
    for (int from = 0; from < x0s.size(); from += BATCH) {
      int n = Math.min(BATCH, x0s.size() - from);
      float[] eps = noise.next(n * item);
      float[] xt = new float[n * item];
      for (int i = 0; i < n; i++) {
        float[] e = new float[item];
        System.arraycopy(eps, i * item, e, 0, item);
        float[] x = Ddim.qSample(x0s.get(from + i), schedule.alphaCumprod(t), e);
        System.arraycopy(x, 0, xt, i * item, item);
      }
      int[] ts = new int[n];
      java.util.Arrays.fill(ts, t);
      float[] pred = d.predictEps(new Tensor(new int[] {n, 3, size, size}, xt), ts).data();
      for (int k = 0; k < pred.length; k++) {
        double diff = pred[k] - eps[k];
        sum += diff * diff;
      }
    }
    return sum / ((double) x0s.size() * item);
  }
}
