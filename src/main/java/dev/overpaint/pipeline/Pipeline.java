package dev.overpaint.pipeline;

import dev.overpaint.diffusion.ClipGuidance;
import dev.overpaint.diffusion.CondFn;
import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.GaussianNoise;
import dev.overpaint.diffusion.GuidanceSettings;
import dev.overpaint.diffusion.NoiseSchedule;
import dev.overpaint.models.Denoiser;
import dev.overpaint.models.Generator;
import dev.overpaint.models.ModelInfo;
import dev.overpaint.models.Tensor;
import dev.overpaint.models.TextImageEncoder;
import dev.overpaint.tiles.Resample;
import dev.overpaint.tiles.TileGeometry;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
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

  static final int CHANNELS = 3;

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
    CondFn guidance = guidance(params, init, seeds.nextLong());
    TileSampler sampler =
        new TileSampler(
            denoiser,
            schedule,
            settings,
            params.blend(),
            geometry,
            timesteps,
            noise,
            guidance,
            seeds.nextLong());
    float[] canvas = sampler.run(init, listener, cancelled);
    BufferedImage image = Images.toRgb(canvas, 0, geometry.height(), geometry.width());
    return new PipelineResult(
        image, baseImage, provenance(params, geometry, timesteps), sampler.diagnostics());
  }

  private CondFn guidance(JobParams params, float[] init, long seed) {
    if (params.guidance() <= 0) {
      return CondFn.NONE;
    }
    return new ClipGuidance(
        encoder, encoder.encodeText(params.prompt()), params.guidanceSettings(), init, seed);
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
    m.put("canvas", ordered("width", geometry.width(), "height", geometry.height()));
    m.put(
        "tiles",
        ordered(
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
        ordered(
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
            settings.window().name().toLowerCase(java.util.Locale.ROOT),
            "fusion",
            settings.fusion().name().toLowerCase(java.util.Locale.ROOT),
            "jitter",
            settings.jitter()));
    m.put("truncationPsi", settings.truncationPsi());
    GuidanceSettings g = params.guidanceSettings();
    m.put(
        "guidanceSettings",
        ordered(
            "clipScale",
            g.clipScale(),
            "cutn",
            g.cutn(),
            "cutPow",
            g.cutPow(),
            "canvasShare",
            g.canvasShare(),
            "tvScale",
            g.tvScale(),
            "rangeScale",
            g.rangeScale(),
            "initScale",
            g.initScale(),
            "clampRms",
            g.clampRms()));
    m.put(
        "models",
        ordered(
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
    return ordered(
        "name", info.name(), "architecture", info.architecture(), "sha256", info.sha256());
  }

  /** A map that keeps its keys in the order given, so the provenance JSON is byte-stable. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
