package dev.overpaint.models;

/** {@code overpaint.device}: auto takes CUDA when the engine sees a GPU, else the CPU. */
public enum DeviceChoice {
  AUTO,
  CPU,
  GPU;

  public static DeviceChoice parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "overpaint.device must be auto, cpu or gpu, not '" + value + "'", e);
    }
  }
}
