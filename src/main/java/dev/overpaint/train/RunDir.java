package dev.overpaint.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A training run's folder: train.log, losses.csv, checkpoints/step-NNNNNNN/ (weights plus
 * state.json), samples/ and the candidate weight set model/.
 */
final class RunDir {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A checkpoint's folder and its state.json. */
  record Checkpoint(Path dir, int step, double wallSeconds, Map<String, Object> state) {}

  private final Path root;
  private final PrintStream err;

  RunDir(Path root, PrintStream err) throws IOException {
    this.root = root;
    this.err = err;
    Files.createDirectories(checkpoints());
    Files.createDirectories(samples());
  }

  Path root() {
    return root;
  }

  Path checkpoints() {
    return root.resolve("checkpoints");
  }

  Path samples() {
    return root.resolve("samples");
  }

  Path model() {
    return root.resolve("model");
  }

  /** A line in train.log (with a timestamp) and on stderr. */
  void log(String line) {
    String stamped = Instant.now() + " " + line;
    err.println(line);
    append("train.log", stamped + "\n");
  }

  void loss(int step, float loss, float smoothed, double seconds) {
    if (!Files.exists(root.resolve("losses.csv"))) {
      append("losses.csv", "step,loss,smoothed,wall_seconds\n");
    }
    append("losses.csv", String.format("%d,%.6f,%.6f,%.1f%n", step, loss, smoothed, seconds));
  }

  /** The folder for a checkpoint after {@code step} steps (created). */
  Path checkpointDir(int step) throws IOException {
    Path dir = checkpoints().resolve(String.format("step-%07d", step));
    Files.createDirectories(dir);
    return dir;
  }

  /** Written last, so a checkpoint without state.json is an interrupted one and is skipped. */
  void writeState(Path dir, Map<String, Object> state) throws IOException {
    JSON.writeValue(dir.resolve("state.json").toFile(), state);
  }

  /** The step a checkpoint directory is named after; by number, so "step-5383" is not newest. */
  private static long stepOfDir(Path dir) {
    String name = dir.getFileName().toString();
    try {
      return Long.parseLong(name.substring(name.indexOf('-') + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }

  @SuppressWarnings("unchecked")
  Optional<Checkpoint> newest() throws IOException {
    try (Stream<Path> dirs = Files.list(checkpoints())) {
      Optional<Path> dir =
          dirs.filter(d -> Files.exists(d.resolve("state.json")))
              .max(Comparator.comparingLong(RunDir::stepOfDir));
      if (dir.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Object> state =
          JSON.readValue(dir.get().resolve("state.json").toFile(), Map.class);
      return Optional.of(
          new Checkpoint(
              dir.get(),
              ((Number) state.get("step")).intValue(),
              ((Number) state.get("wallSeconds")).doubleValue(),
              state));
    }
  }

  void writeJson(String file, Object value) throws IOException {
    JSON.writeValue(root.resolve(file).toFile(), value);
  }

  private void append(String file, String text) {
    try {
      Files.writeString(
          root.resolve(file),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      err.println("cannot write " + root.resolve(file) + ": " + e.getMessage());
    }
  }
}
