package dev.overpaint.models;

/** An ε-prediction diffusion model: (x_t, t) → ε̂. */
public interface Denoiser extends AutoCloseable {

  ModelInfo info();

  /** Tile side it was trained at; any multiple of {@link #sizeMultiple()} is accepted. */
  int trainingResolution();

  int sizeMultiple();

  /** Number of steps T of the training schedule (timesteps are 0..T-1). */
  int diffusionSteps();

  /** Name of the β schedule it was trained with: "cosine" or "linear". */
  String schedule();

  /**
   * Predicts the noise in a batch.
   *
   * @param xT noised images, shape (n, 3, h, w)
   * @param t one timestep per image, 0..T-1
   * @return ε̂ with the shape of xT
   */
  Tensor predictEps(Tensor xT, int[] t);

  @Override
  void close();
}
