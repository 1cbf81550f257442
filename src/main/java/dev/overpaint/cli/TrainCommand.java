package dev.overpaint.cli;

import dev.overpaint.train.ClipTrainer;
import dev.overpaint.train.GanTrainer;
import dev.overpaint.train.TrainOptions;
import dev.overpaint.train.Training;
import dev.overpaint.train.UNetTrainer;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code train gan|unet|clip|judge [--steps N] [--minutes M] [--seed S] [--threads T] [--out DIR]
 * [--resume]}.
 */
final class TrainCommand {

  private static final Set<String> OPTIONS =
      Set.of("steps", "minutes", "seed", "threads", "out", "resume", "help");

  /** The trainers by model name; each is added here as it is written. */
  private static final Map<String, Supplier<Training>> TRAINERS =
      Map.of(
          "gan",
          GanTrainer::new,
          "unet",
          UNetTrainer::new,
          "clip",
          () -> new ClipTrainer(ClipTrainer.Variant.ENCODER),
          "judge",
          () -> new ClipTrainer(ClipTrainer.Variant.JUDGE));

  private TrainCommand() {}

  static int run(String[] args) throws Exception {
    if (args.length == 0 || !TRAINERS.containsKey(args[0])) {
      System.err.println(
          "usage: overpaint train "
              + String.join("|", TRAINERS.keySet().stream().sorted().toList())
              + " [--steps N] [--minutes M] [--seed S] [--threads T] [--out DIR] [--resume]");
      return 2;
    }
    Options o =
        Options.parse(
            java.util.Arrays.copyOfRange(args, 1, args.length), OPTIONS, Set.of("resume", "help"));
    int threads = o.getInt("threads") == null ? 1 : o.getInt("threads");
    // Must be set before the engine starts: one busy thread per process on a shared machine.
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    TrainOptions options =
        new TrainOptions(
            args[0],
            optional(o.getInt("steps")),
            optional(o.getInt("minutes")),
            o.getLong("seed") == null ? 1L : o.getLong("seed"),
            threads,
            GenerateCommand.resolve(o.get("out", "target/train/" + args[0])),
            o.has("resume"));
    return TRAINERS.get(args[0]).get().run(options);
  }

  private static OptionalInt optional(Integer v) {
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }
}
