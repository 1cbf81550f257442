package dev.overpaint.jobs;

import java.util.Locale;

public enum JobStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED,
  CANCELLED,
  INTERRUPTED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }
}
