package dev.overpaint.diffusion;

/**
 * The forward-process noise levels ᾱ_t = ∏ (1 − β_s) of a discrete diffusion model.
 *
 * <p>LINEAR is the β schedule of Ho et al. 2020 (DDPM, §4: β from 1e-4 to 0.02); COSINE is that of
 * Nichol and Dhariwal 2021 (Improved DDPM, eq. 17, s = 0.008, β clipped at 0.999).
 */
public final class NoiseSchedule {

  private final double[] alphasCumprod;

  private NoiseSchedule(double[] alphasCumprod) {
    this.alphasCumprod = alphasCumprod;
  }

  public static NoiseSchedule named(String name, int steps) {
    return switch (name) {
      case "linear" -> linear(steps);
      case "cosine" -> cosine(steps);
      default -> throw new IllegalArgumentException("unknown noise schedule '" + name + "'");
    };
  }

  public static NoiseSchedule linear(int steps) {
    double scale = 1000.0 / steps;
    double[] betas = new double[steps];
    for (int t = 0; t < steps; t++) {
      betas[t] = scale * 1e-4 + (scale * 0.02 - scale * 1e-4) * t / Math.max(1, steps - 1);
    }
    return fromBetas(betas);
  }

  public static NoiseSchedule cosine(int steps) {
    double[] betas = new double[steps];
    for (int t = 0; t < steps; t++) {
      betas[t] =
          Math.min(
              1 - cosineAlphaBar((t + 1.0) / steps) / cosineAlphaBar((double) t / steps), 0.999);
    }
    return fromBetas(betas);
  }

  private static double cosineAlphaBar(double u) {
    return Math.pow(Math.cos((u + 0.008) / 1.008 * Math.PI / 2), 2);
  }

  private static NoiseSchedule fromBetas(double[] betas) {
    double[] cumprod = new double[betas.length];
    double product = 1;
    for (int t = 0; t < betas.length; t++) {
      product *= 1 - betas[t];
      cumprod[t] = product;
    }
    return new NoiseSchedule(cumprod);
  }

  public int steps() {
    return alphasCumprod.length;
  }

  /** ᾱ_t; by convention ᾱ_{−1} = 1, the clean image that the last DDIM step lands on. */
  public double alphaCumprod(int t) {
    return t < 0 ? 1.0 : alphasCumprod[t];
  }
}
