package dev.overpaint.train;

import dev.overpaint.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The loop every trainer shares: resume from the newest checkpoint, run steps until the step or
 * time budget is spent, log the losses, checkpoint and sample at intervals, then evaluate and write
 * the candidate weight set. Subclasses supply the model-specific parts.
 */
abstract class StepLoop implements Training {

  /** Native memory is freed through Java GC (pitfall 2): collect every this many steps. */
  private static final int GC_EVERY = 25;

  /** The optimiser's moments and update count, beside a checkpoint's weights. */
  static final String OPTIMISER_STATE = "adam.state";

  protected RunDir run;
  protected TrainOptions options;

  /** e.g. "unet". */
  abstract String name();

  /** Steps when neither --steps nor --minutes is given. */
  abstract int defaultSteps();

  /** Minutes between checkpoints. */
  abstract double checkpointMinutes();

  /** Minutes between sample grids or evaluation lines (0: never during the run). */
  abstract double sampleMinutes();

  /** Creates the model, fresh or from {@code from}. */
  abstract void open(Optional<RunDir.Checkpoint> from) throws IOException;

  /** One optimiser step at absolute step {@code step}; returns its loss. */
  abstract float step(int step);

  /** Saves the weights into {@code dir}; returns extra state to record in state.json. */
  abstract Map<String, Object> saveCheckpoint(Path dir) throws IOException;

  /** Writes a sample grid or an evaluation line after {@code step} steps. */
  abstract void samples(int step) throws IOException;

  /** The final evaluation metrics (also logged). */
  abstract Map<String, Object> evaluate() throws IOException;

  /** Writes the candidate weight set. */
  abstract void export(Path dir, Map<String, Object> training, Map<String, Object> eval)
      throws IOException;

  /** The trainer's hyper-parameters, recorded with the weights. */
  abstract Map<String, Object> hyper();

  abstract void closeModel();

  @Override
  public int run(TrainOptions o) throws Exception {
    options = o;
    run = new RunDir(o.out(), System.err);
    Optional<RunDir.Checkpoint> from = o.resume() ? run.newest() : Optional.empty();
    if (o.resume() && from.isEmpty()) {
      run.log("no checkpoint in " + run.checkpoints() + ": starting fresh");
    }
    int first = from.map(RunDir.Checkpoint::step).orElse(0);
    double wallBefore = from.map(RunDir.Checkpoint::wallSeconds).orElse(0.0);
    int last = o.steps().orElse(o.minutes().isPresent() ? Integer.MAX_VALUE : defaultSteps());
    long start = System.nanoTime();
    long deadline =
        o.minutes().isPresent() ? start + (long) (o.minutes().getAsInt() * 60e9) : Long.MAX_VALUE;
    run.log(
        String.format(
            "train %s: seed %d, threads %d, from step %d to %s, %s, hyper %s",
            name(),
            o.seed(),
            o.threads(),
            first,
            last == Integer.MAX_VALUE ? "the time limit" : last,
            o.minutes().isPresent() ? o.minutes().getAsInt() + " min" : "no time limit",
            hyper()));
    open(from);
    try {
      int done = loop(first, last, deadline, start, wallBefore);
      double wall = wallBefore + (System.nanoTime() - start) / 1e9;
      checkpoint(done, wall);
      samples(done);
      Map<String, Object> eval = evaluate();
      run.log("eval " + eval);
      export(run.model(), training(done, wall), eval);
      run.writeJson("eval.json", eval);
      run.log(String.format("wrote %s after %d steps, %.0f s", run.model(), done, wall));
      return 0;
    } finally {
      closeModel();
    }
  }

  private int loop(int first, int last, long deadline, long start, double wallBefore)
      throws IOException {
    Progress progress = new Progress(name(), first, last, deadline, System.err);
    long nextCheckpoint = start + minutes(checkpointMinutes());
    long nextSamples = sampleMinutes() > 0 ? start + minutes(sampleMinutes()) : Long.MAX_VALUE;
    int step = first;
    while (step < last && System.nanoTime() < deadline) {
      float loss = step(step);
      step++;
      double wall = wallBefore + (System.nanoTime() - start) / 1e9;
      run.loss(step, loss, progress.record(loss), wall);
      progress.show(step);
      if (!Float.isFinite(loss)) {
        run.log("loss is " + loss + " at step " + step + ": stopping");
        break;
      }
      if (step % GC_EVERY == 0) {
        System.gc();
      }
      long now = System.nanoTime();
      if (now >= nextCheckpoint) {
        checkpoint(step, wall);
        nextCheckpoint = now + minutes(checkpointMinutes());
      }
      if (now >= nextSamples) {
        samples(step);
        nextSamples = System.nanoTime() + minutes(sampleMinutes());
      }
    }
    progress.finish();
    run.log(String.format("stopped at step %d, smoothed loss %.4f", step, progress.smoothed()));
    return step;
  }

  private void checkpoint(int step, double wall) throws IOException {
    Path dir = run.checkpointDir(step);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("model", name());
    state.put("step", step);
    state.put("seed", options.seed());
    state.put("wallSeconds", Math.round(wall * 10) / 10.0);
    // The data position of the next step: it continues from here on resume.
    state.put("dataPosition", step);
    state.putAll(saveCheckpoint(dir));
    run.writeState(dir, state);
    run.log("checkpoint " + dir);
  }

  /** The manifest's training record. */
  private Map<String, Object> training(int steps, double wall) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("steps", steps);
    t.put("seed", options.seed());
    t.put("dataset", Dataset.VERSION);
    t.put("datasetSeed", Splits.DATASET_SEED);
    t.put("wallSeconds", Math.round(wall));
    t.put("threads", options.threads());
    t.put("hyper", hyper());
    return t;
  }

  private static long minutes(double m) {
    return (long) (m * 60e9);
  }
}
