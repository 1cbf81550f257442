package dev.overpaint.models;

import java.util.List;

/** The three networks of one weight set on one device; closing it frees all their native memory. */
public final class ModelSet implements AutoCloseable {

  private final Generator generator;
  private final Denoiser denoiser;
  private final TextImageEncoder encoder;
  private final String deviceName;
  private final AutoCloseable root;

  ModelSet(
      Generator generator,
      Denoiser denoiser,
      TextImageEncoder encoder,
      String deviceName,
      AutoCloseable root) {
    this.generator = generator;
    this.denoiser = denoiser;
    this.encoder = encoder;
    this.deviceName = deviceName;
    this.root = root;
  }

  public Generator generator() {
    return generator;
  }

  public Denoiser denoiser() {
    return denoiser;
  }

  public TextImageEncoder encoder() {
    return encoder;
  }

  /** The device the networks run on, e.g. "cpu" or "gpu(0)". */
  public String deviceName() {
    return deviceName;
  }

  public List<ModelInfo> infos() {
    return List.of(generator.info(), denoiser.info(), encoder.info());
  }

  @Override
  public void close() {
    generator.close();
    denoiser.close();
    encoder.close();
    try {
      root.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the model manager failed", e);
    }
  }
}
