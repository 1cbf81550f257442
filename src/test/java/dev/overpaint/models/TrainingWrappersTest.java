package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL training steps learn (gradients flow and are zeroed) and export loadable sets. */
class TrainingWrappersTest {

  private static final float[] ONES = {1f, 1f};

  @TempDir Path tmp;

  /** Each picture's loss is scaled by its own weight before the batch mean. */
  @Test
  void lossWeightsScaleEachPicturesLoss() {
    Random r = new Random(2);
    int[] shape = {2, 3, 16, 16};
    Tensor xt = gaussian(r, shape);
    Tensor eps = gaussian(r, shape);
    int[] t = {200, 800};
    float plain = firstLoss(xt, eps, t, ONES);
    float first = firstLoss(xt, eps, t, new float[] {1f, 0f});
    float second = firstLoss(xt, eps, t, new float[] {0f, 1f});
    assertEquals(plain, first + second, 1e-5f * plain);
    assertEquals(3 * first + 0.5f * second, firstLoss(xt, eps, t, new float[] {3f, 0.5f}), 1e-5f);
    assertNotEquals(first, second);
  }

  private static float firstLoss(Tensor xt, Tensor eps, int[] t, float[] weight) {
    try (DenoiserTraining d =
        DenoiserTraining.create(new DenoiserTraining.Settings(1e-3f, 1, 0.9f), 3)) {
      return d.step(xt, eps, t, weight);
    }
  }

  /** Warm-up, then a half cosine down to the final fraction, then flat. */
  @Test
  void theStepSizeWarmsUpThenAnnealsToItsFinalFraction() {
    var lr = BlockTraining.warmUpThenCosine(1e-3f, 10, 110, 0.1f);
    assertEquals(5e-4f, lr.getNewValue(5), 1e-9f);
    assertEquals(1e-3f, lr.getNewValue(10), 1e-9f);
    assertEquals(0.55e-3f, lr.getNewValue(60), 1e-8f);
    assertEquals(1e-4f, lr.getNewValue(110), 1e-9f);
    assertEquals(1e-4f, lr.getNewValue(5000), 1e-9f);
    assertTrue(lr.getNewValue(30) > lr.getNewValue(31));
    var constant = BlockTraining.warmUpThenCosine(1e-3f, 10, 0, 0.1f);
    assertEquals(1e-3f, constant.getNewValue(5000), 1e-9f);
  }

  @Test
  void denoiserFitsAFixedBatch() throws Exception {
    Random r = new Random(1);
    int[] shape = {2, 3, 16, 16};
    Tensor xt = gaussian(r, shape);
    Tensor eps = gaussian(r, shape);
    int[] t = {900, 950};
    try (DenoiserTraining d =
        DenoiserTraining.create(new DenoiserTraining.Settings(1e-3f, 1, 0.9f), 3)) {
      float first = d.step(xt, eps, t, ONES);
      // The best of the last steps: Adam on one batch oscillates a little.
      float best = Float.MAX_VALUE;
      for (int i = 0; i < 29; i++) {
        float loss = d.step(xt, eps, t, ONES);
        best = i >= 24 ? Math.min(best, loss) : best;
      }
      assertTrue(best < 0.85 * first, first + " -> " + best);
      assertEquals(30, d.emaUpdates());
      d.exportModel(tmp, Map.of("steps", 30), Map.of());
    }
    try (ModelSet set = ModelRegistry.load(ModelSource.directory(tmp), DeviceChoice.CPU)) {
      assertEquals(1000, set.denoiser().diffusionSteps());
      assertEquals("builtin-unet-eps-tiny", set.denoiser().info().name());
      assertEquals("v", set.denoiser().info().hyper().get("prediction"));
    }
  }

  /**
   * A v head returns ε̂ = √(1−ᾱ)·x_t + √ᾱ·v̂: where the noise is all there is (t = 999, √ᾱ ≈ 5e-5)
   * even an untrained one gives back x_t, and elsewhere its own guess counts.
   */
  @Test
  void aVelocityHeadReturnsTheNoiseItsInputIsMadeOf() throws Exception {
    Tensor x = gaussian(new Random(4), new int[] {2, 3, 16, 16});
    try (DenoiserTraining d =
            DenoiserTraining.create(new DenoiserTraining.Settings(1e-3f, 1, 0.9f), 3);
        Denoiser ema = d.emaDenoiser()) {
      assertTrue(d.predictsVelocity());
      float[] atEnd = ema.predictEps(x, new int[] {999, 999}).data();
      float[] midway = ema.predictEps(x, new int[] {500, 500}).data();
      assertTrue(maxAbsDiff(atEnd, x.data()) < 1e-3, "t=999: " + maxAbsDiff(atEnd, x.data()));
      assertTrue(maxAbsDiff(midway, x.data()) > 1e-2, "t=500: " + maxAbsDiff(midway, x.data()));
    }
  }

  /**
   * A batch whose gradient is not finite is skipped, and the next updates still move the weights:
   * clearing the gradient by subtracting it from itself once kept the NaN, and every later update
   * was skipped too.
   */
  @Test
  void aNonFiniteGradientSkipsOneUpdateAndTrainingGoesOn() throws Exception {
    Random r = new Random(5);
    int[] shape = {2, 3, 16, 16};
    Tensor xt = gaussian(r, shape);
    Tensor eps = gaussian(r, shape);
    float[] poisoned = xt.data().clone();
    poisoned[7] = Float.NaN;
    int[] t = {300, 700};
    try (DenoiserTraining d =
        DenoiserTraining.create(new DenoiserTraining.Settings(1e-3f, 1, 0.9f), 3)) {
      d.step(xt, eps, t, ONES);
      assertTrue(Float.isNaN(d.step(new Tensor(shape, poisoned), eps, t, ONES)));
      assertEquals(1, d.skippedUpdates());
      float before = d.step(xt, eps, t, ONES);
      float after = d.step(xt, eps, t, ONES);
      assertNotEquals(before, after);
      assertEquals(1, d.skippedUpdates());
    }
  }

  /**
   * Resuming from live weights, EMA weights and Adam's state reproduces the unbroken run's weights
   * bit for bit; without Adam's state it does not.
   */
  @Test
  void aResumedDenoiserWithItsAdamStateRepeatsTheUnbrokenRun() throws Exception {
    Random r = new Random(8);
    int[] shape = {2, 3, 16, 16};
    Tensor xt = gaussian(r, shape);
    Tensor eps = gaussian(r, shape);
    int[] t = {200, 800};
    DenoiserTraining.Settings s = new DenoiserTraining.Settings(1e-3f, 2, 0.9f);
    Path ckpt = tmp.resolve("ckpt");
    try (DenoiserTraining d = DenoiserTraining.create(s, 3)) {
      for (int i = 0; i < 4; i++) {
        d.step(xt, eps, t, ONES);
        if (i == 1) {
          d.saveParameters(ckpt.resolve("live.params"));
          d.saveEma(ckpt.resolve("ema.params"));
          d.saveOptimiser(ckpt.resolve("adam.state"));
        }
      }
      d.saveParameters(tmp.resolve("unbroken.params"));
      assertEquals(4, d.updates());
    }
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("unbroken.params")),
        resumedTwice(s, ckpt, true, xt, eps, t));
    assertFalse(
        Arrays.equals(
            Files.readAllBytes(tmp.resolve("unbroken.params")),
            resumedTwice(s, ckpt, false, xt, eps, t)));
  }

  private byte[] resumedTwice(
      DenoiserTraining.Settings s, Path ckpt, boolean withAdam, Tensor xt, Tensor eps, int[] t)
      throws Exception {
    try (DenoiserTraining d =
        DenoiserTraining.resume(s, ckpt.resolve("live.params"), ckpt.resolve("ema.params"), 2)) {
      if (withAdam) {
        d.loadOptimiser(ckpt.resolve("adam.state"));
      }
      d.step(xt, eps, t, ONES);
      d.step(xt, eps, t, ONES);
      Path out = tmp.resolve("resumed-" + withAdam + ".params");
      d.saveParameters(out);
      return Files.readAllBytes(out);
    }
  }

  @Test
  void weightsSavedBeforeTheVelocityHeadLoadAsEpsilonHeads() {
    assertEquals("eps", UNetBlock.Config.fromHyper(Map.of("baseChannels", 32)).prediction());
    assertEquals("v", UNetBlock.Config.defaults().prediction());
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void clipSeparatesAFixedBatchAndInstallsAsJudge() throws Exception {
    Random r = new Random(2);
    Tensor images = gaussian(r, new int[] {4, 3, 64, 64});
    List<String> captions =
        List.of(
            "a blueprint of a domed tower",
            "an ink plan of a hall",
            "a sepia elevation of a church with arched windows",
            "a wash drawing of a house with a gable roof");
    try (ClipTraining c = ClipTraining.create(new ClipTraining.Settings(2e-3f, 1, 0f), 4)) {
      float first = c.step(images, captions);
      float last = first;
      for (int i = 0; i < 10; i++) {
        last = c.step(images, captions);
      }
      assertTrue(last < 0.5 * first, first + " -> " + last);
      c.exportModel(tmp.resolve("cand"), "judge", "test-judge", Map.of("steps", 11), Map.of());
    }
    Path builtin = tmp.resolve("builtin");
    BuiltinWeights.copyBuiltin(builtin);
    String encoderSha = sha(builtin.resolve("encoder.params"));
    BuiltinWeights.installRole(tmp.resolve("cand"), builtin, "judge");
    assertEquals(encoderSha, sha(builtin.resolve("encoder.params")));
    try (ModelSet set = ModelRegistry.load(ModelSource.directory(builtin), DeviceChoice.CPU)) {
      TextImageEncoder judge = set.judge().orElseThrow();
      assertEquals("test-judge", judge.info().name());
      assertNotEquals(
          set.encoder().encodeText(captions.get(0))[0], judge.encodeText(captions.get(0))[0]);
    }
  }

  /** The CLIP trainer does not clip its gradients, and a NaN must still not reach its weights. */
  @Test
  void clipSkipsANonFiniteBatchWithoutClipping() throws Exception {
    Random r = new Random(3);
    Tensor images = gaussian(r, new int[] {2, 3, 64, 64});
    float[] poisoned = images.data().clone();
    poisoned[11] = Float.NaN;
    List<String> captions = List.of("a blueprint of a domed tower", "an ink plan of a hall");
    try (ClipTraining c = ClipTraining.create(new ClipTraining.Settings(2e-3f, 1, 0f), 4)) {
      c.step(images, captions);
      assertTrue(Float.isNaN(c.step(new Tensor(images.shape(), poisoned), captions)));
      assertEquals(1, c.skippedUpdates());
      assertTrue(Float.isFinite(c.logitScale()));
      float before = c.step(images, captions);
      assertTrue(Float.isFinite(before));
      assertNotEquals(before, c.step(images, captions));
    }
  }

  private static String sha(Path p) throws Exception {
    return Manifest.sha256(Files.readAllBytes(p));
  }

  private static Tensor gaussian(Random r, int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return new Tensor(shape, v);
  }
}
