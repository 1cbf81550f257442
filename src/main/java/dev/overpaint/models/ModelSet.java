package dev.overpaint.models;

import java.util.List;
import java.util.Optional;

/** The three networks of one weight set on one device; closing it frees all their native memory. */
public final class ModelSet implements AutoCloseable {

  private final Generator generator;
  private final Denoiser denoiser;
  private final TextImageEncoder encoder;
  private final TextImageEncoder judge;
  private final String deviceName;
  private final AutoCloseable root;

  ModelSet(
      Generator generator,
      Denoiser denoiser,
      TextImageEncoder encoder,
      TextImageEncoder judge,
      String deviceName,
      AutoCloseable root) {
    this.generator = generator;
    this.denoiser = denoiser;
    this.encoder = encoder;
    this.judge = judge;
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

  /**
   * The judge: a second text-image encoder trained on other captions and drawings, for measuring
   * only (never for guidance); empty when the weight set has no "judge" role.
   */
  public Optional<TextImageEncoder> judge() {
    return Optional.ofNullable(judge);
  }

  /** The device the networks run on, e.g. "cpu" or "gpu(0)". */
  public String deviceName() {
    return deviceName;
  }

  /** Every loaded network, the judge last when there is one. */
  public List<ModelInfo> infos() {
    return judge == null
        ? List.of(generator.info(), denoiser.info(), encoder.info())
        : List.of(generator.info(), denoiser.info(), encoder.info(), judge.info());
  }

  @Override
  public void close() {
    generator.close();
    denoiser.close();
    encoder.close();
    if (judge != null) {
      judge.close();
    }
    try {
      root.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the model manager failed", e);
    }
  }
}
