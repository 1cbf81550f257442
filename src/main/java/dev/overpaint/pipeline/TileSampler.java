package dev.overpaint.pipeline;

import static dev.overpaint.pipeline.Pipeline.CHANNELS;

import dev.overpaint.diffusion.CondFn;
import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.GaussianNoise;
import dev.overpaint.diffusion.NoiseSchedule;
import dev.overpaint.models.Denoiser;
import dev.overpaint.models.Tensor;
import dev.overpaint.tiles.FusionWeights;
import dev.overpaint.tiles.Overlaps;
import dev.overpaint.tiles.TileFusion;
import dev.overpaint.tiles.TileGeometry;
import dev.overpaint.tiles.TileJitter;
import dev.overpaint.tiles.WindowShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The DDIM loop over one job's tiles. Every step sends all tiles through the denoiser as one batch;
 * the blend decides whether the tiles are fused into the shared canvas at every step (joint) or
 * kept apart until the end (none, feather).
 */
final class TileSampler {

  private final Denoiser denoiser;
  private final NoiseSchedule schedule;
  private final PipelineSettings settings;
  private final Blend blend;
  private final TileGeometry geometry;
  private final int[] timesteps;
  private final GaussianNoise noise;
  private final CondFn condFn;
  private final TileJitter jitter;
  private final Layout nominal;
  private long denoiseNanos;
  private long guidanceNanos;
  private long fusionNanos;
  private double overlapDisagreement;

  TileSampler(
      Denoiser denoiser,
      NoiseSchedule schedule,
      PipelineSettings settings,
      Blend blend,
      TileGeometry geometry,
      int[] timesteps,
      GaussianNoise noise,
      CondFn condFn,
      long jitterSeed) {
    this.denoiser = denoiser;
    this.schedule = schedule;
    this.settings = settings;
    this.blend = blend;
    this.geometry = geometry;
    this.timesteps = timesteps;
    this.noise = noise;
    this.condFn = condFn;
    this.jitter =
        new TileJitter(geometry, blend == Blend.JOINT ? settings.jitter() : 0, jitterSeed);
    this.nominal = layout(geometry);
  }

  /**
   * Where the tiles lie in one step: the weights they are fused with and the window weights the
   * guidance's canvas term fuses with.
   */
  private record Layout(TileGeometry geometry, FusionWeights step, FusionWeights guidance) {}

  private Layout layout(TileGeometry g) {
    // Mixture of Diffusers weighs ε with its Gaussian; the other rules use the configured window.
    boolean mixture = blend == Blend.JOINT && settings.fusion() == FusionRule.MIXTURE;
    FusionWeights window = FusionWeights.of(g, settings.window());
    return new Layout(g, mixture ? FusionWeights.of(g, WindowShape.GAUSSIAN) : window, window);
  }

  /**
   * The layout of step i: jittered except at the last step, whose borders are the nominal ones.
   * Without jitter the nominal weights are reused rather than rebuilt every step.
   */
  private Layout layoutOf(int i) {
    TileGeometry g = i == timesteps.length - 1 ? geometry : jitter.next();
    return g == geometry ? nominal : layout(g);
  }

  Diagnostics diagnostics() {
    return new Diagnostics(
        timesteps.length, denoiseNanos, guidanceNanos, fusionNanos, overlapDisagreement);
  }

  float[] run(float[] init, PipelineListener listener, BooleanSupplier cancelled) {
    double startAlpha = schedule.alphaCumprod(timesteps[0]);
    boolean joint = blend == Blend.JOINT;
    // Joint tiles share one noised canvas; independent tiles each get their own noise, as when
    // the original experiment re-rendered 16 separate squares.
    float[] state =
        joint
            ? Ddim.qSample(init, startAlpha, noise.next(init.length))
            : Ddim.qSample(
                TileFusion.cropAll(init, CHANNELS, geometry),
                startAlpha,
                noise.next(
                    geometry.count() * CHANNELS * geometry.tileSize() * geometry.tileSize()));
    for (int i = 0; i < timesteps.length; i++) {
      if (cancelled.getAsBoolean()) {
        throw new CancelledException();
      }
      long t0 = System.nanoTime();
      Layout layout = layoutOf(i);
      float[] tiles = joint ? TileFusion.cropAll(state, CHANNELS, layout.geometry()) : state;
      fusionNanos += System.nanoTime() - t0;
      Prediction p = predict(tiles, timesteps[i], layout);
      state = joint ? fusedStep(state, p, i, layout) : tileStep(tiles, p, i);
      if (i == timesteps.length - 1) {
        overlapDisagreement = Overlaps.disagreement(p.x0, CHANNELS, layout.geometry());
      }
      listener.step(
          new PipelineListener.Step(
              i + 1, timesteps.length, timesteps[i], previews(p.x0, layout.geometry())));
    }
    return joint ? state : fuse(state, finalWeights());
  }

  /** The tiles' guided x̂0 and the ε consistent with it. */
  private record Prediction(float[] x0, float[] eps) {}

  private Prediction predict(float[] tiles, int t, Layout layout) {
    double alpha = schedule.alphaCumprod(t);
    int[] shape = {geometry.count(), CHANNELS, geometry.tileSize(), geometry.tileSize()};
    int[] ts = new int[geometry.count()];
    Arrays.fill(ts, t);
    long t0 = System.nanoTime();
    float[] eps = denoiser.predictEps(new Tensor(shape, tiles), ts).data();
    long t1 = System.nanoTime();
    denoiseNanos += t1 - t0;
    float[] x0 = Ddim.predX0(tiles, eps, alpha);
    float[] grad = condFn.gradient(tiles, x0, shape, t, alpha, layout.guidance());
    if (grad != null) {
      x0 = Ddim.predX0(tiles, Ddim.guideEps(Ddim.epsFromX0(tiles, x0, alpha), grad, alpha), alpha);
    }
    guidanceNanos += System.nanoTime() - t1;
    return new Prediction(x0, Ddim.epsFromX0(tiles, x0, alpha));
  }

  /** Each tile steps on its own (none, feather). */
  private float[] tileStep(float[] tiles, Prediction p, int i) {
    long t0 = System.nanoTime();
    float[] prev = ddimStep(p.x0, p.eps, i);
    fusionNanos += System.nanoTime() - t0;
    return prev;
  }

  /** Tiles fused into the canvas by the configured rule (joint). */
  private float[] fusedStep(float[] canvas, Prediction p, int i, Layout layout) {
    long t0 = System.nanoTime();
    float[] next;
    if (settings.fusion() == FusionRule.MIXTURE) {
      double alpha = schedule.alphaCumprod(timesteps[i]);
      float[] eps = fuse(p.eps, layout.step());
      float[] x0 = Ddim.predX0(canvas, eps, alpha);
      next = ddimStep(x0, Ddim.epsFromX0(canvas, x0, alpha), i);
    } else {
      next = fuse(ddimStep(p.x0, p.eps, i), layout.step());
    }
    fusionNanos += System.nanoTime() - t0;
    return next;
  }

  private float[] ddimStep(float[] x0, float[] eps, int i) {
    double alpha = schedule.alphaCumprod(timesteps[i]);
    double alphaPrev = schedule.alphaCumprod(i + 1 < timesteps.length ? timesteps[i + 1] : -1);
    double sigma = Ddim.sigma(alpha, alphaPrev, settings.eta());
    return Ddim.step(x0, eps, alphaPrev, sigma, sigma > 0 ? noise.next(x0.length) : null);
  }

  private float[] fuse(float[] batch, FusionWeights weights) {
    return TileFusion.fuse(batch, CHANNELS, weights);
  }

  private FusionWeights finalWeights() {
    return blend == Blend.FEATHER
        ? nominal.step()
        : FusionWeights.of(geometry, WindowShape.NEAREST);
  }

  private List<PipelineListener.TilePreview> previews(float[] x0, TileGeometry g) {
    int t = g.tileSize();
    List<PipelineListener.TilePreview> previews = new ArrayList<>(g.count());
    for (var tile : g.tiles()) {
      previews.add(
          new PipelineListener.TilePreview(
              tile, Images.toRgb(x0, tile.index() * CHANNELS * t * t, t, t)));
    }
    return previews;
  }
}
