package dev.overpaint.train;

import java.io.PrintStream;

/**
 * The progress bar on stderr: step, smoothed loss, speed and ETA (the nearer of the step and time
 * budgets). In place on a terminal, one line every few seconds on a pipe or log file.
 */
final class Progress {

  private static final int WIDTH = 24;
  private static final long PIPE_INTERVAL_NANOS = 15_000_000_000L;

  private final String name;
  private final int first;
  private final int last;
  private final long deadline;
  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private final long start = System.nanoTime();
  private long lastPrint;
  private double smoothed = Double.NaN;

  /**
   * @param first step the run (re)started at
   * @param last step it stops at, or Integer.MAX_VALUE for a time budget only
   * @param deadline System.nanoTime() at which the time budget ends, or Long.MAX_VALUE
   */
  Progress(String name, int first, int last, long deadline, PrintStream out) {
    this.name = name;
    this.first = first;
    this.last = last;
    this.deadline = deadline;
    this.out = out;
  }

  /** Folds a loss into the exponential moving average (0.98) shown and logged. */
  float record(float loss) {
    smoothed = Double.isNaN(smoothed) ? loss : 0.98 * smoothed + 0.02 * loss;
    return (float) smoothed;
  }

  float smoothed() {
    return (float) smoothed;
  }

  /** Shows the state after {@code done} steps (absolute). */
  void show(int done) {
    long now = System.nanoTime();
    if (!terminal && now - lastPrint < PIPE_INTERVAL_NANOS && done != last) {
      return;
    }
    lastPrint = now;
    double elapsed = (now - start) / 1e9;
    double perStep = done > first ? elapsed / (done - first) : 0;
    double eta = Math.min(eta(perStep, done), (deadline - now) / 1e9);
    String total = last == Integer.MAX_VALUE ? "?" : Integer.toString(last);
    double fraction =
        last == Integer.MAX_VALUE
            ? elapsed / Math.max(1e-9, elapsed + Math.max(0, eta))
            : (double) done / last;
    int filled = (int) Math.round(WIDTH * Math.min(1, fraction));
    String line =
        String.format(
            "%s [%s%s] step %d/%s  loss %.4f  %.2f s/step  ETA %s",
            name,
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            done,
            total,
            smoothed,
            perStep,
            clock(eta));
    out.print(terminal ? "\r" + line : line + "\n");
    out.flush();
  }

  /** Ends the in-place line on a terminal. */
  void finish() {
    if (terminal) {
      out.println();
    }
  }

  private double eta(double perStep, int done) {
    return last == Integer.MAX_VALUE ? Double.MAX_VALUE : perStep * (last - done);
  }

  private static String clock(double seconds) {
    if (seconds > 1e8) {
      return "?";
    }
    long s = Math.max(0, Math.round(seconds));
    return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
