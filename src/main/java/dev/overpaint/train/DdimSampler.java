package dev.overpaint.train;

import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.GaussianNoise;
import dev.overpaint.diffusion.NoiseSchedule;
import dev.overpaint.models.Denoiser;
import dev.overpaint.models.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Unconditional samples from pure noise with DDIM (Song, Meng &amp; Ermon 2021, eq. 12), for the
 * sample grids of the denoiser trainer and for unet.fd: η = 0 is the deterministic sampler, η = 1
 * the ancestral (DDPM-like) one.
 */
final class DdimSampler {

  private DdimSampler() {}

  /**
   * {@code n} pictures of 3×size×size in {@code steps}; the start noise and, when η &gt; 0, every
   * step's fresh noise come from one stream seeded with {@code seed}, so η = 0 draws only the
   * start.
   */
  static List<float[]> sample(Denoiser d, int n, int size, int steps, double eta, long seed) {
    NoiseSchedule schedule = NoiseSchedule.named(d.schedule(), d.diffusionSteps());
    int[] ts = Ddim.timesteps(d.diffusionSteps(), 0.0, steps);
    int item = 3 * size * size;
    GaussianNoise noise = new GaussianNoise(seed);
    float[] x = noise.next(n * item);
    for (int i = 0; i < ts.length; i++) {
      int t = ts[i];
      int[] batchT = new int[n];
      java.util.Arrays.fill(batchT, t);
      float[] eps = d.predictEps(new Tensor(new int[] {n, 3, size, size}, x), batchT).data();
      double a = schedule.alphaCumprod(t);
      double aPrev = schedule.alphaCumprod(i + 1 < ts.length ? ts[i + 1] : -1);
      float[] x0 = Ddim.predX0(x, eps, a);
      // σ is 0 on the last step, whose ᾱ' is 1.
      double sigma = Ddim.sigma(a, aPrev, eta);
      // ε consistent with the clamped x̂0 keeps the trajectory inside the data range.
      x =
          Ddim.step(
              x0, Ddim.epsFromX0(x, x0, a), aPrev, sigma, sigma > 0 ? noise.next(n * item) : null);
    }
    List<float[]> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      float[] p = new float[item];
      System.arraycopy(x, k * item, p, 0, item);
      out.add(p);
    }
    return out;
  }
}
