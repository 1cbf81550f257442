package dev.overpaint.cli;

import java.util.Arrays;

/** Entry point of the command-line tools: {@code ./overpaint generate|train|eval ...}. */
public final class OverpaintCli {

  private OverpaintCli() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    System.exit(run(args));
  }

  /**
   * Runs one command and returns its exit status: 2 for a bad command line, which is reported in
   * one line on stderr rather than as a stack trace.
   */
  static int run(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: overpaint generate --prompt TEXT [options]   (see --help)");
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (args[0]) {
        case "generate" -> GenerateCommand.run(rest);
        case "train" -> TrainCommand.run(rest);
        case "bench" -> BenchCommand.run(rest);
        case "quality" -> QualityCommand.run(rest);
        case "eval" -> EvalCommand.run(rest);
        default -> {
          System.err.println("overpaint: '" + args[0] + "' is not available yet; try generate");
          yield 2;
        }
      };
    } catch (UsageException e) {
      System.err.println("overpaint " + args[0] + ": " + e.getMessage());
      return 2;
    }
  }
}
