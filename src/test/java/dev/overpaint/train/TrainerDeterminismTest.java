package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny runs of the real trainers: a fixed seed reproduces the losses, and resume continues. */
class TrainerDeterminismTest {

  private static final UNetTrainer.Settings TINY_UNET =
      new UNetTrainer.Settings(
          2, 3e-4f, 2, 0.999f, 208, 256, 0.2, 0.5, 990, 5, 3, 0.1f, 2, 2, 2, 100, 0);
  private static final ClipTrainer.Settings TINY_CLIP =
      new ClipTrainer.Settings(4, 5e-4f, 2, 0.05f, 100, 0);

  @TempDir Path tmp;

  /** The check: the first 100 losses (tiny batches keep it short). */
  @Test
  void unetLossesRepeatExactlyForAFixedSeed() throws Exception {
    List<String> a = unet(tmp.resolve("a"), 100, 5, false);
    List<String> b = unet(tmp.resolve("b"), 100, 5, false);
    assertEquals(100, a.size());
    assertEquals(a, b);
    assertNotEquals(a.subList(0, 3), unet(tmp.resolve("c"), 3, 6, false));
  }

  @Test
  void clipLossesRepeatExactlyForAFixedSeed() throws Exception {
    List<String> a = clip(tmp.resolve("a"), ClipTrainer.Variant.ENCODER, 100);
    List<String> b = clip(tmp.resolve("b"), ClipTrainer.Variant.ENCODER, 100);
    assertEquals(100, a.size());
    assertEquals(a, b);
    // Near ln 4 at the start: four pairs, an untrained encoder.
    float first = Float.parseFloat(a.get(0));
    assertTrue(Math.abs(first - Math.log(4)) < 0.5, "first loss " + first);
  }

  @Test
  void resumeContinuesFromTheNewestCheckpoint() throws Exception {
    Path run = tmp.resolve("r");
    unet(run, 2, 5, false);
    unet(run, 3, 5, true);
    assertTrue(Files.exists(run.resolve("checkpoints/step-0000003/state.json")));
    assertTrue(Files.readString(run.resolve("train.log")).contains("resumed from"));
    assertEquals(3, losses(run).size());
  }

  /**
   * Weights, EMA, data position and Adam's state all continue: the losses are the unbroken run's.
   */
  @Test
  void aResumedRunRepeatsTheUnbrokenRunsLosses() throws Exception {
    List<String> unbroken = unet(tmp.resolve("u"), 3, 5, false);
    Path run = tmp.resolve("r");
    unet(run, 2, 5, false);
    assertEquals(unbroken, unet(run, 3, 5, true));
    assertTrue(Files.readString(run.resolve("train.log")).contains("(Adam moments restored)"));
  }

  @Test
  void judgeCandidateSetLoadsWithAJudge() throws Exception {
    Path run = tmp.resolve("j");
    clip(run, ClipTrainer.Variant.JUDGE, 1);
    try (ModelSet set =
        ModelRegistry.load(ModelSource.directory(run.resolve("model")), DeviceChoice.CPU)) {
      assertTrue(set.judge().isPresent());
      assertEquals("builtin-tinyclip-judge", set.judge().get().info().name());
      assertEquals(128, set.judge().get().encodeText("a blueprint of a tower").length);
    }
    assertTrue(Files.readString(run.resolve("model/manifest.json")).contains("\"top1\""));
  }

  private static List<String> unet(Path out, int steps, long seed, boolean resume)
      throws Exception {
    new UNetTrainer(TINY_UNET).run(options("unet", out, steps, seed, resume));
    return losses(out);
  }

  private static List<String> clip(Path out, ClipTrainer.Variant v, int steps) throws Exception {
    new ClipTrainer(v, TINY_CLIP).run(options(v.command, out, steps, 3, false));
    return losses(out);
  }

  private static TrainOptions options(
      String model, Path out, int steps, long seed, boolean resume) {
    return new TrainOptions(
        model, OptionalInt.of(steps), OptionalInt.empty(), seed, 1, out, resume);
  }

  /** The loss column of losses.csv (the wall-time column differs between runs). */
  private static List<String> losses(Path run) throws IOException {
    return Files.readAllLines(run.resolve("losses.csv")).stream()
        .skip(1)
        .map(l -> l.split(",")[1])
        .toList();
  }
}
