package dev.overpaint.models;

/**
 * Weights are missing, corrupt or do not match the architecture: the message says which and where.
 */
public class ModelLoadException extends RuntimeException {
  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
