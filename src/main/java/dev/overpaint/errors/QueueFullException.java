package dev.overpaint.errors;

/** 429: the waiting line is at capacity; the client should retry after some seconds. */
public class QueueFullException extends AppException {

  private final int retryAfterSeconds;

  public QueueFullException(String detail, int retryAfterSeconds) {
    super(429, "Too many jobs", detail, null);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
