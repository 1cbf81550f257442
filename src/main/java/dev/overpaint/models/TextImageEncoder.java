package dev.overpaint.models;

/** A CLIP-like pair of encoders into one embedding space. */
public interface TextImageEncoder extends AutoCloseable {

  ModelInfo info();

  /** Side of the square image input; other sizes are resized to it inside the model. */
  int imageSize();

  int embedDim();

  /** Unit-norm embedding of a prompt; unknown words map to the unknown token. */
  float[] encodeText(String text);

  /**
   * Unit-norm embeddings of images.
   *
   * @param images shape (n, 3, h, w), values in [-1, 1]
   * @return shape (n, embedDim)
   */
  Tensor encodeImages(Tensor images);

  /**
   * Spherical distance 2·arcsin(|e − target| / 2)² between each image's embedding and a unit-norm
   * target (Crowson's spherical_dist_loss), with its gradient with respect to the images.
   *
   * @param images shape (n, 3, h, w), values in [-1, 1]
   * @param target unit-norm embedding, length embedDim
   */
  LossGradient sphericalDistance(Tensor images, float[] target);

  /** Per-image losses and d(sum of losses)/d(images). */
  record LossGradient(float[] loss, Tensor gradient) {}

  @Override
  void close();
}
