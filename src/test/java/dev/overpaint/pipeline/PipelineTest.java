package dev.overpaint.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.models.Denoiser;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelInfo;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.models.Tensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pipeline end to end on the built-in networks, loaded through the real loader. */
class PipelineTest {

  private static ModelSet models;

  @BeforeAll
  static void load() {
    models = ModelRegistry.load(ModelSource.builtin(), DeviceChoice.CPU);
  }

  @AfterAll
  static void close() {
    models.close();
  }

  private static Pipeline pipeline(Denoiser denoiser) {
    return new Pipeline(
        models.generator(), denoiser, models.encoder(), PipelineSettings.DEFAULTS, "test");
  }

  @Test
  void everyStepDenoisesAllSixteenTilesInOneBatchAndPreviewsEachTile() {
    List<Integer> batchSizes = new ArrayList<>();
    List<PipelineListener.Step> steps = new ArrayList<>();
    AtomicInteger started = new AtomicInteger();
    Pipeline p = pipeline(new BatchRecorder(models.denoiser(), batchSizes));
    PipelineResult r =
        p.run(
            new JobParams("a blueprint of a tower", 7, 3, 0.5, 0, 4, Blend.JOINT),
            new PipelineListener() {
              @Override
              public void started(Started e) {
                started.incrementAndGet();
                assertEquals(208, e.geometry().width());
                assertArrayEquals(new int[] {500, 250, 0}, e.timesteps());
              }

              @Override
              public void step(Step e) {
                steps.add(e);
              }
            },
            () -> false);
    assertEquals(1, started.get());
    assertEquals(List.of(16, 16, 16), batchSizes, "one batch of 16 tiles per step");
    assertEquals(3, steps.size());
    for (int i = 0; i < steps.size(); i++) {
      assertEquals(i + 1, steps.get(i).step());
      assertEquals(16, steps.get(i).tiles().size());
      assertEquals(64, steps.get(i).tiles().get(15).image().getWidth());
    }
    assertEquals(208, r.image().getWidth());
    assertEquals(208, r.image().getHeight());
    assertEquals(models.generator().resolution(), r.base().getWidth());
  }

  @Test
  void sameSeedGivesTheSameImageAndAnotherSeedDoesNot() {
    Pipeline p = pipeline(models.denoiser());
    JobParams params = new JobParams("ink facade", 42, 2, 0.6, 0, 2, Blend.JOINT);
    BufferedImage a = p.run(params, PipelineListener.NONE, () -> false).image();
    BufferedImage b = p.run(params, PipelineListener.NONE, () -> false).image();
    BufferedImage c =
        p.run(
                new JobParams("ink facade", 43, 2, 0.6, 0, 2, Blend.JOINT),
                PipelineListener.NONE,
                () -> false)
            .image();
    assertArrayEquals(pixels(a), pixels(b));
    assertEquals(
        Provenance.toJson(p.run(params, PipelineListener.NONE, () -> false).metadata()),
        Provenance.toJson(p.run(params, PipelineListener.NONE, () -> false).metadata()),
        "the provenance text is stable too");
    assertFalse(java.util.Arrays.equals(pixels(a), pixels(c)));
  }

  @ParameterizedTest
  @EnumSource(Blend.class)
  void everyBlendProducesTheFullCanvas(Blend blend) {
    PipelineResult r =
        pipeline(models.denoiser())
            .run(
                new JobParams("sepia arches", 3, 2, 0.5, 0, 2, blend),
                PipelineListener.NONE,
                () -> false);
    assertEquals(112, r.image().getWidth());
    assertEquals(blend.id(), r.metadata().get("blend"));
  }

  @Test
  void mixtureOfDiffusersFusesEpsAndIsMeasured() {
    Pipeline p =
        new Pipeline(
            models.generator(),
            models.denoiser(),
            models.encoder(),
            PipelineSettings.DEFAULTS.withFusion(FusionRule.MIXTURE),
            "test");
    PipelineResult r =
        p.run(
            new JobParams("a hall", 3, 2, 0.5, 0, 2, Blend.JOINT),
            PipelineListener.NONE,
            () -> false);
    PipelineResult m =
        pipeline(models.denoiser())
            .run(
                new JobParams("a hall", 3, 2, 0.5, 0, 2, Blend.JOINT),
                PipelineListener.NONE,
                () -> false);
    assertFalse(java.util.Arrays.equals(pixels(r.image()), pixels(m.image())), "the rules differ");
    assertEquals(2, r.diagnostics().steps());
    assertTrue(r.diagnostics().denoiseNanos() > 0);
    assertTrue(r.diagnostics().overlapDisagreement() >= 0);
  }

  @Test
  void jitterMovesTheTilesOnlyInTheJointBlendAndIsRepeatable() {
    Pipeline jittered =
        new Pipeline(
            models.generator(),
            models.denoiser(),
            models.encoder(),
            PipelineSettings.DEFAULTS.withJitter(4),
            "test");
    JobParams joint = new JobParams("an arcade", 4, 3, 0.5, 0, 3, Blend.JOINT);
    JobParams none = new JobParams("an arcade", 4, 3, 0.5, 0, 3, Blend.NONE);
    int[] fixedJoint = pixels(run(pipeline(models.denoiser()), joint));
    int[] first = pixels(run(jittered, joint));
    assertFalse(java.util.Arrays.equals(fixedJoint, first), "jitter moved the borders");
    assertTrue(java.util.Arrays.equals(first, pixels(run(jittered, joint))), "same seed");
    assertTrue(
        java.util.Arrays.equals(
            pixels(run(pipeline(models.denoiser()), none)), pixels(run(jittered, none))),
        "blend none keeps its tiles in place");
    assertEquals(4, ((java.util.Map<?, ?>) runMeta(jittered, joint).get("sampler")).get("jitter"));
  }

  private static BufferedImage run(Pipeline p, JobParams params) {
    return p.run(params, PipelineListener.NONE, () -> false).image();
  }

  private static java.util.Map<String, Object> runMeta(Pipeline p, JobParams params) {
    return p.run(params, PipelineListener.NONE, () -> false).metadata();
  }

  @Test
  void guidanceChangesThePicture() {
    Pipeline p = pipeline(models.denoiser());
    BufferedImage plain =
        p.run(
                new JobParams("a domed tower", 5, 2, 0.5, 0, 1, Blend.JOINT),
                PipelineListener.NONE,
                () -> false)
            .image();
    BufferedImage guided =
        p.run(
                new JobParams("a domed tower", 5, 2, 0.5, 500, 1, Blend.JOINT),
                PipelineListener.NONE,
                () -> false)
            .image();
    assertFalse(
        java.util.Arrays.equals(pixels(plain), pixels(guided)), "the cond_fn hook is applied");
  }

  @Test
  void metadataRecordsEveryParameterAndModelHash() {
    PipelineResult r =
        pipeline(models.denoiser())
            .run(
                new JobParams("a plan", 9, 1, 0.9, 0, 1, Blend.FEATHER),
                PipelineListener.NONE,
                () -> false);
    var m = r.metadata();
    for (String key :
        List.of(
            "prompt",
            "seed",
            "steps",
            "skip",
            "guidance",
            "grid",
            "blend",
            "canvas",
            "tiles",
            "models",
            "version")) {
      assertTrue(m.containsKey(key), key);
    }
    @SuppressWarnings("unchecked")
    var generator =
        (java.util.Map<String, Object>)
            ((java.util.Map<String, Object>) m.get("models")).get("generator");
    assertEquals(models.generator().info().sha256(), generator.get("sha256"));
  }

  @Test
  void cancellationStopsBeforeTheNextStep() {
    AtomicInteger seen = new AtomicInteger();
    assertThrows(
        CancelledException.class,
        () ->
            pipeline(models.denoiser())
                .run(
                    new JobParams("x", 1, 5, 0.5, 0, 1, Blend.JOINT),
                    new PipelineListener() {
                      @Override
                      public void step(Step e) {
                        seen.incrementAndGet();
                      }
                    },
                    () -> seen.get() >= 2));
    assertEquals(2, seen.get());
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** The real denoiser, with each call's batch size written down. */
  private record BatchRecorder(Denoiser inner, List<Integer> sizes) implements Denoiser {
    @Override
    public Tensor predictEps(Tensor xT, int[] t) {
      sizes.add(xT.dim(0));
      return inner.predictEps(xT, t);
    }

    @Override
    public ModelInfo info() {
      return inner.info();
    }

    @Override
    public int trainingResolution() {
      return inner.trainingResolution();
    }

    @Override
    public int sizeMultiple() {
      return inner.sizeMultiple();
    }

    @Override
    public int diffusionSteps() {
      return inner.diffusionSteps();
    }

    @Override
    public String schedule() {
      return inner.schedule();
    }

    @Override
    public void close() {}
  }
}
