package dev.overpaint.diffusion;

import java.util.Random;

/** Standard normal draws from an explicit seed: the only source of noise in a sampler run. */
public final class GaussianNoise {

  private final Random random;

  public GaussianNoise(long seed) {
    this.random = new Random(seed);
  }

  public float[] next(int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
