package dev.overpaint.diffusion;

/**
 * The DDIM sampler of Song, Meng and Ermon 2021 ("Denoising Diffusion Implicit Models", eq. 12),
 * written on flat arrays so that the same code steps one tile, a batch of tiles or a canvas.
 *
 * <p>With x̂0 = (x_t − √(1−ᾱ_t)·ε) / √ᾱ_t, one step is x_{t'} = √ᾱ_{t'}·x̂0 + √(1−ᾱ_{t'}−σ²)·ε +
 * σ·z with σ = η·√((1−ᾱ_{t'})/(1−ᾱ_t))·√(1−ᾱ_t/ᾱ_{t'}); η = 0 is the deterministic sampler.
 */
public final class Ddim {

  private Ddim() {}

  /**
   * The timesteps actually run when the first {@code skip} fraction of a T-step schedule is skipped
   * (SDEdit, Meng et al. 2022): {@code steps} evenly spaced values from t_start = round((1 − skip)
   * (T − 1)) down to 0, in descending order. The step after t = 0 lands on the clean image.
   *
   * @throws IllegalArgumentException when fewer than {@code steps} timesteps remain after the skip
   */
  public static int[] timesteps(int totalSteps, double skip, int steps) {
    int start = startStep(totalSteps, skip);
    if (steps < 1 || steps > start + 1) {
      throw new IllegalArgumentException(
          "steps must be between 1 and " + (start + 1) + " when skip is " + skip);
    }
    int[] ts = new int[steps];
    for (int i = 0; i < steps; i++) {
      // Spacing start/(steps−1) ≥ 1, so rounding keeps the values distinct.
      ts[i] = steps == 1 ? start : (int) Math.round((double) start * (steps - 1 - i) / (steps - 1));
    }
    return ts;
  }

  /** The timestep the init image is noised to: round((1 − skip)·(T − 1)). */
  public static int startStep(int totalSteps, double skip) {
    return (int) Math.round((1 - skip) * (totalSteps - 1));
  }

  /** q(x_t | x_0) = N(√ᾱ_t·x0, (1−ᾱ_t)·I), drawn with the given standard normal noise. */
  public static float[] qSample(float[] x0, double alphaCumprod, float[] noise) {
    float a = (float) Math.sqrt(alphaCumprod);
    float s = (float) Math.sqrt(1 - alphaCumprod);
    float[] xt = new float[x0.length];
    for (int i = 0; i < x0.length; i++) {
      xt[i] = a * x0[i] + s * noise[i];
    }
    return xt;
  }

  /**
   * The velocity v = √ᾱ_t·ε − √(1−ᾱ_t)·x0 (Salimans &amp; Ho 2022, "Progressive Distillation for
   * Fast Sampling of Diffusion Models", §4), the target of a v-parameterised denoiser.
   */
  public static float[] velocity(float[] x0, float[] eps, double alphaCumprod) {
    float a = (float) Math.sqrt(alphaCumprod);
    float s = (float) Math.sqrt(1 - alphaCumprod);
    float[] v = new float[x0.length];
    for (int i = 0; i < x0.length; i++) {
      v[i] = a * eps[i] - s * x0[i];
    }
    return v;
  }

  /** x̂0 from x_t and ε̂, clamped to the data range [-1, 1] as guided-diffusion's clip_denoised. */
  public static float[] predX0(float[] xt, float[] eps, double alphaCumprod) {
    float a = (float) Math.sqrt(alphaCumprod);
    float s = (float) Math.sqrt(1 - alphaCumprod);
    float[] x0 = new float[xt.length];
    for (int i = 0; i < xt.length; i++) {
      x0[i] = Math.max(-1f, Math.min(1f, (xt[i] - s * eps[i]) / a));
    }
    return x0;
  }

  /** The ε consistent with x_t and a (clamped or guided) x̂0: ε = (x_t − √ᾱ_t·x̂0)/√(1−ᾱ_t). */
  public static float[] epsFromX0(float[] xt, float[] x0, double alphaCumprod) {
    float a = (float) Math.sqrt(alphaCumprod);
    float s = (float) Math.sqrt(1 - alphaCumprod);
    float[] eps = new float[xt.length];
    for (int i = 0; i < xt.length; i++) {
      eps[i] = (xt[i] - a * x0[i]) / s;
    }
    return eps;
  }

  /** DDIM's σ_t for a step t → t' at stochasticity η. */
  public static double sigma(double alphaCumprod, double alphaCumprodPrev, double eta) {
    return eta
        * Math.sqrt((1 - alphaCumprodPrev) / (1 - alphaCumprod))
        * Math.sqrt(1 - alphaCumprod / alphaCumprodPrev);
  }

  /**
   * One DDIM step from x̂0 and ε.
   *
   * @param noise standard normal draws, used only when σ > 0 (may be null when η = 0)
   */
  public static float[] step(
      float[] x0, float[] eps, double alphaCumprodPrev, double sigma, float[] noise) {
    float a = (float) Math.sqrt(alphaCumprodPrev);
    float d = (float) Math.sqrt(Math.max(0, 1 - alphaCumprodPrev - sigma * sigma));
    float s = (float) sigma;
    float[] prev = new float[x0.length];
    for (int i = 0; i < x0.length; i++) {
      prev[i] = a * x0[i] + d * eps[i] + (s == 0 ? 0 : s * noise[i]);
    }
    return prev;
  }

  /**
   * Classifier guidance in score form for DDIM (Dhariwal and Nichol 2021, Algorithm 2): ε' = ε −
   * √(1−ᾱ_t)·∇_x log p(y | x_t).
   */
  public static float[] guideEps(float[] eps, float[] gradLogP, double alphaCumprod) {
    float s = (float) Math.sqrt(1 - alphaCumprod);
    float[] guided = new float[eps.length];
    for (int i = 0; i < eps.length; i++) {
      guided[i] = eps[i] - s * gradLogP[i];
    }
    return guided;
  }
}
