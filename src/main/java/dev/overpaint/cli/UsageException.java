package dev.overpaint.cli;

/** A bad command line: reported in one line with exit status 2, never as a stack trace. */
final class UsageException extends IllegalArgumentException {

  UsageException(String message) {
    super(message);
  }
}
