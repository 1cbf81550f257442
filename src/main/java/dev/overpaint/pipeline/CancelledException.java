package dev.overpaint.pipeline;

/** The run was asked to stop; it stops between steps and leaves no result. */
public class CancelledException extends RuntimeException {
  public CancelledException() {
    super("cancelled", null, false, false);
  }
}
