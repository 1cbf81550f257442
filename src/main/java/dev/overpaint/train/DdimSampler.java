package dev.overpaint.train;

import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.GaussianNoise;
import dev.overpaint.diffusion.NoiseSchedule;
import dev.overpaint.models.Denoiser;
import dev.overpaint.models.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Unconditional samples from pure noise with deterministic DDIM (Song, Meng &amp; Ermon 2021, η =
 * 0), for the sample grids of the denoiser trainer.
 */
final class DdimSampler {

  private DdimSampler() {}

  /** {@code n} pictures of 3×size×size from noise drawn from {@code seed}, in {@code steps}. */
  static List<float[]> sample(Denoiser d, int n, int size, int steps, long seed) {
    NoiseSchedule schedule = NoiseSchedule.named(d.schedule(), d.diffusionSteps());
    int[] ts = Ddim.timesteps(d.diffusionSteps(), 0.0, steps);
    int item = 3 * size * size;
    float[] x = new GaussianNoise(seed).next(n * item);
    for (int i = 0; i < ts.length; i++) {
      int t = ts[i];
      int[] batchT = new int[n];
      java.util.Arrays.fill(batchT, t);
      float[] eps = d.predictEps(new Tensor(new int[] {n, 3, size, size}, x), batchT).data();
      double a = schedule.alphaCumprod(t);
      double aPrev = schedule.alphaCumprod(i + 1 < ts.length ? ts[i + 1] : -1);
      float[] x0 = Ddim.predX0(x, eps, a);
      // ε consistent with the clamped x̂0 keeps the trajectory inside the data range.
      x = Ddim.step(x0, Ddim.epsFromX0(x, x0, a), aPrev, 0.0, null);
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
