package dev.overpaint.cli;

import dev.overpaint.diffusion.ClipGuidance;
import dev.overpaint.diffusion.GuidanceSettings;
import dev.overpaint.jobs.PreviewEncoder;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.Tensor;
import dev.overpaint.pipeline.Diagnostics;
import dev.overpaint.pipeline.JobParams;
import dev.overpaint.pipeline.Pipeline;
import dev.overpaint.pipeline.PipelineListener;
import dev.overpaint.pipeline.PipelineResult;
import dev.overpaint.pipeline.PipelineSettings;
import dev.overpaint.tiles.FusionWeights;
import dev.overpaint.tiles.TileFusion;
import dev.overpaint.tiles.TileGeometry;
import dev.overpaint.tiles.WindowShape;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

/**
 * {@code bench}: in one run, the batched 16-tile step against 16 single-tile steps (with and
 * without guidance), the per-phase cost of a step, and the default job end to end. Every number is
 * a median over repeats measured in this process, so the ratios compare like with like.
 */
final class BenchCommand {

  private static final Set<String> OPTIONS = Set.of("repeats", "guidance", "help");

  private BenchCommand() {}

  static int run(String[] args) {
    Options o = Options.parse(args, OPTIONS, Set.of("help"));
    if (o.has("help")) {
      System.out.println("usage: overpaint bench [--repeats N] [--guidance SCALE]");
      return 0;
    }
    int repeats = o.getInt("repeats") == null ? 5 : o.getInt("repeats");
    double guidance = o.getDouble("guidance") == null ? 1000 : o.getDouble("guidance");
    try (ModelSet models =
        ModelRegistry.load(dev.overpaint.models.ModelSource.builtin(), DeviceChoice.AUTO)) {
      System.out.printf(
          "device %s, torch threads %s, repeats %d%n",
          models.deviceName(),
          System.getProperty("ai.djl.pytorch.num_threads", "default"),
          repeats);
      batching(models, repeats, guidance);
      job(models, repeats);
    }
    return 0;
  }

  private static void batching(ModelSet models, int repeats, double guidance) {
    TileGeometry g = TileGeometry.square(4, 64, 16);
    int per = 3 * 64 * 64;
    float[] tiles = new float[g.count() * per];
    Random r = new Random(1);
    for (int i = 0; i < tiles.length; i++) {
      tiles[i] = (float) r.nextGaussian();
    }
    // The canvas term needs the whole grid, so the ratio compares the per-tile term alone.
    GuidanceSettings perTile = new GuidanceSettings(guidance, 2, 1.0, 0.0, 0.0, 50.0, 0.0, 0.05);
    float[] target = models.encoder().encodeText("a tower");
    ClipGuidance cond = guidanceFor(models, target, perTile, g, tiles);
    TileGeometry one = TileGeometry.square(1, 64, 16);
    ClipGuidance condOne = guidanceFor(models, target, perTile, one, Arrays.copyOf(tiles, per));
    FusionWeights layout = FusionWeights.of(g, WindowShape.COSINE);
    FusionWeights layoutOne = FusionWeights.of(one, WindowShape.COSINE);
    for (boolean guided : new boolean[] {false, true}) {
      double batched = median(repeats, () -> step(models, cond, layout, tiles, g.count(), guided));
      double single =
          median(
              repeats,
              () -> {
                for (int k = 0; k < g.count(); k++) {
                  step(
                      models,
                      condOne,
                      layoutOne,
                      Arrays.copyOfRange(tiles, k * per, (k + 1) * per),
                      1,
                      guided);
                }
              });
      System.out.printf(
          "%-18s one 16-tile batch %7.1f ms | 16 single tiles %7.1f ms | ratio %.2fx%n",
          guided ? "step, guided:" : "step, unguided:", batched, single, single / batched);
    }
  }

  private static void step(
      ModelSet models,
      ClipGuidance cond,
      FusionWeights layout,
      float[] tiles,
      int n,
      boolean guided) {
    int[] shape = {n, 3, 64, 64};
    int[] t = new int[n];
    Arrays.fill(t, 500);
    float[] eps = models.denoiser().predictEps(new Tensor(shape, tiles), t).data();
    if (guided) {
      float[] x0 = dev.overpaint.diffusion.Ddim.predX0(tiles, eps, 0.5);
      cond.gradient(tiles, x0, shape, 500, 0.5, layout);
    }
  }

  /** Guidance over the canvas the tiles fuse into; its init loss is off in the bench. */
  private static ClipGuidance guidanceFor(
      ModelSet models, float[] target, GuidanceSettings s, TileGeometry g, float[] tiles) {
    float[] canvas = TileFusion.fuse(tiles, 3, FusionWeights.of(g, WindowShape.COSINE));
    return new ClipGuidance(models.encoder(), target, s, canvas, 1);
  }

  private static void job(ModelSet models, int repeats) {
    Pipeline pipeline =
        new Pipeline(
            models.generator(),
            models.denoiser(),
            models.encoder(),
            PipelineSettings.DEFAULTS,
            "bench");
    PreviewEncoder encoder = new PreviewEncoder(0.85f);
    for (double guidance : new double[] {0, JobParams.DEFAULT_GUIDANCE}) {
      JobParams params =
          new JobParams(
              "a blueprint of a domed tower",
              7,
              JobParams.DEFAULT_STEPS,
              JobParams.DEFAULT_SKIP,
              guidance,
              JobParams.DEFAULT_GRID,
              JobParams.DEFAULT_BLEND);
      long[] encodeNanos = {0};
      PipelineListener listener =
          new PipelineListener() {
            @Override
            public void step(Step e) {
              long t0 = System.nanoTime();
              e.tiles().forEach(p -> encoder.jpeg(p.image()));
              encodeNanos[0] += System.nanoTime() - t0;
            }
          };
      double[] totals = new double[repeats];
      Diagnostics d = null;
      long encode = 0;
      for (int i = 0; i < repeats; i++) {
        encodeNanos[0] = 0;
        long t0 = System.nanoTime();
        PipelineResult result = pipeline.run(params, listener, () -> false);
        totals[i] = (System.nanoTime() - t0) / 1e6;
        d = result.diagnostics();
        encode = encodeNanos[0];
      }
      Arrays.sort(totals);
      double steps = d.steps();
      System.out.printf(
          "job (steps %d, guidance %.0f): end to end %.0f ms (median of %d)%n",
          d.steps(), guidance, totals[repeats / 2], repeats);
      System.out.printf(
          "  per step: denoiser %.1f ms, guidance %.1f ms, fusion %.1f ms, preview encoding %.1f ms%n",
          d.denoiseNanos() / 1e6 / steps,
          d.guidanceNanos() / 1e6 / steps,
          d.fusionNanos() / 1e6 / steps,
          encode / 1e6 / steps);
    }
  }

  private static double median(int repeats, Runnable work) {
    work.run();
    double[] ms = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[repeats / 2];
  }
}
