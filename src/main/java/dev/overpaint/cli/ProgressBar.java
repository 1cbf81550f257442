package dev.overpaint.cli;

import java.io.PrintStream;

/** One line per step on a pipe, an in-place bar on a terminal. */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final long start = System.nanoTime();

  ProgressBar(PrintStream out) {
    this.out = out;
    this.terminal = System.console() != null;
  }

  void update(int done, int total, String label) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double eta = done == 0 ? 0 : seconds / done * (total - done);
    int filled = (int) Math.round((double) WIDTH * done / total);
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    String line =
        String.format("%s [%s] %d/%d  %.1fs  ETA %.1fs", label, bar, done, total, seconds, eta);
    if (terminal) {
      out.print("\r" + line + (done == total ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }
}
