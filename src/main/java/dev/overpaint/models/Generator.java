package dev.overpaint.models;

import java.util.Random;

/** A StyleGAN2-like generator: latent z → image in [-1, 1]. */
public interface Generator extends AutoCloseable {

  ModelInfo info();

  int latentDim();

  /** Side of the square images it makes. */
  int resolution();

  /**
   * Synthesises images from latents.
   *
   * @param z latents, shape (n, latentDim)
   * @param truncationPsi 1 = no truncation; pulls w toward w_avg below 1
   * @param noiseSeed seed of the per-layer noise inputs
   * @return images, shape (n, 3, resolution, resolution), values in [-1, 1]
   */
  Tensor synthesize(Tensor z, float truncationPsi, long noiseSeed);

  /** The latent a seed stands for: latentDim draws of N(0, 1) from {@link Random}(seed). */
  default Tensor latentForSeed(long seed) {
    Random random = new Random(seed);
    float[] z = new float[latentDim()];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return new Tensor(new int[] {1, z.length}, z);
  }

  @Override
  void close();
}
