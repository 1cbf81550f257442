package dev.overpaint.pipeline;

import dev.overpaint.diffusion.ClipGuidance;
import dev.overpaint.diffusion.CondFn;
import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.GaussianNoise;
import dev.overpaint.diffusion.NoiseSchedule;
import dev.overpaint.models.Denoiser;
import dev.overpaint.models.Generator;
import dev.overpaint.models.ModelInfo;
import dev.overpaint.models.Tensor;
import dev.overpaint.models.TextImageEncoder;
import dev.overpaint.tiles.FusionWeights;
import dev.overpaint.tiles.Resample;
import dev.overpaint.tiles.TileFusion;
import dev.overpaint.tiles.TileGeometry;
import dev.overpaint.tiles.WindowShape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * seed → z → GAN base → upscale onto the canvas → tiles noised to the skip's start step → DDIM
 * steps with all tiles in one denoiser batch → tiles fused into the canvas → picture.
 *
 * <p>Nothing here knows about HTTP, CDI or a database: the same run happens in a unit test, the CLI
 * and the server's inference worker.
 */
public final class Pipeline {

  private static final int CHANNELS = 3;

  private final Generator generator;
  private final Denoiser denoiser;
  private final TextImageEncoder encoder;
  private final PipelineSettings settings;
  private final NoiseSchedule schedule;
  private final String appVersion;

  public Pipeline(
      Generator generator,
      Denoiser denoiser,
      TextImageEncoder encoder,
      PipelineSettings settings,
      String appVersion) {
    if (settings.tileSize() % denoiser.sizeMultiple() != 0) {
      throw new IllegalArgumentException(
          "tile size " + settings.tileSize() + " is not a multiple of " + denoiser.sizeMultiple());
    }
    this.generator = generator;
    this.denoiser = denoiser;
    this.encoder = encoder;
    this.settings = settings;
    this.schedule = NoiseSchedule.named(denoiser.schedule(), denoiser.diffusionSteps());
    this.appVersion = appVersion;
  }

  /** The layout a job with this grid will have. */
  public TileGeometry geometry(int grid) {
    return TileGeometry.square(grid, settings.tileSize(), settings.overlap());
  }

  /** Checks the parameters against this pipeline's schedule; throws IllegalArgumentException. */
  public int[] timesteps(JobParams params) {
    return Ddim.timesteps(schedule.steps(), params.skip(), params.steps());
  }

  public PipelineResult run(
      JobParams params, PipelineListener listener, BooleanSupplier cancelled) {
    int[] timesteps = timesteps(params);
    TileGeometry geometry = geometry(params.grid());
    SplittableRandom seeds = new SplittableRandom(params.seed());
    long ganNoiseSeed = seeds.nextLong();
    GaussianNoise noise = new GaussianNoise(seeds.nextLong());

    Tensor base =
        generator.synthesize(
            generator.latentForSeed(params.seed()), (float) settings.truncationPsi(), ganNoiseSeed);
    int r = generator.resolution();
    BufferedImage baseImage = Images.toRgb(base.data(), 0, r, r);
    listener.started(
        new PipelineListener.Started(geometry, timesteps.length, timesteps.clone(), baseImage));

    float[] init =
        Resample.bilinear(base.data(), CHANNELS, r, r, geometry.height(), geometry.width());
    Sampler sampler = new Sampler(params, geometry, timesteps, noise, guidance(params));
    float[] canvas = sampler.run(init, listener, cancelled);
    BufferedImage image = Images.toRgb(canvas, 0, geometry.height(), geometry.width());
    return new PipelineResult(image, baseImage, provenance(params, geometry, timesteps));
  }

  private CondFn guidance(JobParams params) {
    if (params.guidance() <= 0) {
      return CondFn.NONE;
    }
    return new ClipGuidance(encoder, encoder.encodeText(params.prompt()), params.guidance());
  }

  /** The DDIM loop over one job's tiles, holding the state that changes from step to step. */
  private final class Sampler {
    private final JobParams params;
    private final TileGeometry geometry;
    private final int[] timesteps;
    private final GaussianNoise noise;
    private final CondFn condFn;
    private final FusionWeights stepWeights;

    Sampler(
        JobParams params,
        TileGeometry geometry,
        int[] timesteps,
        GaussianNoise noise,
        CondFn condFn) {
      this.params = params;
      this.geometry = geometry;
      this.timesteps = timesteps;
      this.noise = noise;
      this.condFn = condFn;
      this.stepWeights = FusionWeights.of(geometry, settings.window());
    }

    float[] run(float[] init, PipelineListener listener, BooleanSupplier cancelled) {
      double startAlpha = schedule.alphaCumprod(timesteps[0]);
      boolean joint = params.blend() == Blend.JOINT;
      // Joint tiles share one noised canvas; independent tiles each get their own noise, as when
      // the original experiment re-rendered 16 separate squares.
      float[] state =
          joint
              ? Ddim.qSample(init, startAlpha, noise.next(init.length))
              : noisedTiles(TileFusion.cropAll(init, CHANNELS, geometry), startAlpha);
      for (int i = 0; i < timesteps.length; i++) {
        if (cancelled.getAsBoolean()) {
          throw new CancelledException();
        }
        float[] tiles = joint ? TileFusion.cropAll(state, CHANNELS, geometry) : state;
        float[][] next = step(tiles, i);
        state = joint ? TileFusion.fuse(next[0], CHANNELS, stepWeights) : next[0];
        listener.step(
            new PipelineListener.Step(i + 1, timesteps.length, timesteps[i], previews(next[1])));
      }
      return joint ? state : TileFusion.fuse(state, CHANNELS, finalWeights());
    }

    private float[] noisedTiles(float[] tiles, double alpha) {
      return Ddim.qSample(tiles, alpha, noise.next(tiles.length));
    }

    /** One DDIM step of the whole tile batch: returns {x_{t'}, x̂0}. */
    private float[][] step(float[] tiles, int i) {
      int t = timesteps[i];
      int prevT = i + 1 < timesteps.length ? timesteps[i + 1] : -1;
      double alpha = schedule.alphaCumprod(t);
      double alphaPrev = schedule.alphaCumprod(prevT);
      int[] shape = {geometry.count(), CHANNELS, geometry.tileSize(), geometry.tileSize()};
      int[] ts = new int[geometry.count()];
      Arrays.fill(ts, t);
      float[] eps = denoiser.predictEps(new Tensor(shape, tiles), ts).data();
      float[] x0 = Ddim.predX0(tiles, eps, alpha);
      float[] grad = condFn.gradient(tiles, x0, shape, t, alpha);
      if (grad != null) {
        x0 =
            Ddim.predX0(tiles, Ddim.guideEps(Ddim.epsFromX0(tiles, x0, alpha), grad, alpha), alpha);
      }
      eps = Ddim.epsFromX0(tiles, x0, alpha);
      double sigma = Ddim.sigma(alpha, alphaPrev, settings.eta());
      float[] prev =
          Ddim.step(x0, eps, alphaPrev, sigma, sigma > 0 ? noise.next(tiles.length) : null);
      return new float[][] {prev, x0};
    }

    private FusionWeights finalWeights() {
      return params.blend() == Blend.FEATHER
          ? stepWeights
          : FusionWeights.of(geometry, WindowShape.NEAREST);
    }

    private List<PipelineListener.TilePreview> previews(float[] x0) {
      int t = geometry.tileSize();
      List<PipelineListener.TilePreview> previews = new ArrayList<>(geometry.count());
      for (var tile : geometry.tiles()) {
        previews.add(
            new PipelineListener.TilePreview(
                tile, Images.toRgb(x0, tile.index() * CHANNELS * t * t, t, t)));
      }
      return previews;
    }
  }

  /** Every parameter that changed the picture, for the PNG's tEXt chunk and the job record. */
  private Map<String, Object> provenance(JobParams params, TileGeometry geometry, int[] timesteps) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prompt", params.prompt());
    m.put("seed", params.seed());
    m.put("steps", params.steps());
    m.put("skip", params.skip());
    m.put("guidance", params.guidance());
    m.put("grid", params.grid());
    m.put("blend", params.blend().id());
    m.put("canvas", Map.of("width", geometry.width(), "height", geometry.height()));
    m.put(
        "tiles",
        Map.of(
            "cols",
            geometry.cols(),
            "rows",
            geometry.rows(),
            "size",
            geometry.tileSize(),
            "overlap",
            geometry.overlap(),
            "stride",
            geometry.stride()));
    m.put(
        "sampler",
        Map.of(
            "name",
            "ddim",
            "eta",
            settings.eta(),
            "schedule",
            denoiser.schedule(),
            "diffusionSteps",
            denoiser.diffusionSteps(),
            "startStep",
            timesteps[0],
            "window",
            settings.window().name().toLowerCase(java.util.Locale.ROOT)));
    m.put("truncationPsi", settings.truncationPsi());
    m.put(
        "models",
        Map.of(
            "generator",
            model(generator.info()),
            "denoiser",
            model(denoiser.info()),
            "encoder",
            model(encoder.info())));
    m.put("version", appVersion);
    return m;
  }

  private static Map<String, Object> model(ModelInfo info) {
    return Map.of(
        "name", info.name(), "architecture", info.architecture(), "sha256", info.sha256());
  }
}
