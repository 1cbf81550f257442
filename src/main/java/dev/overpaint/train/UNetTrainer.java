package dev.overpaint.train;

import dev.overpaint.data.Caption.TemplateSet;
import dev.overpaint.data.Dataset;
import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.NoiseSchedule;
import dev.overpaint.models.Denoiser;
import dev.overpaint.models.DenoiserTraining;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.models.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code train unet}: the UNet that returns ε (Ho et al. 2020) from a v head (Salimans &amp; Ho
 * 2022; the loss is on v) on the cosine schedule (Nichol &amp; Dhariwal 2021), t uniform in [0, T)
 * with an extra share drawn from the last, near-pure-noise steps, on 64×64 crops of drawings
 * rendered at canvas scale (so it learns the line detail it paints over upscaled GAN tiles) mixed
 * with some whole drawings, with random horizontal flips. Samples and exports the EMA weights.
 */
public final class UNetTrainer extends StepLoop {

  /**
   * @param batch pictures per step
   * @param learningRate Adam's step size after warm-up
   * @param warmup warm-up updates
   * @param emaDecay decay of the exported weight average
   * @param canvasMin smallest canvas the crops are cut from
   * @param canvasMax largest canvas
   * @param wholeFraction share of whole drawings rendered at 64 px
   * @param tailFraction share of pictures whose t is drawn from [tailStart, T) instead of [0, T): a
   *     picture's ground colour (blueprint or paper) is decided there, at SNR below 0.006, and
   *     uniform t visits it too rarely for pure-noise samples to find the blueprint mode
   * @param tailStart first timestep of that tail
   * @param minSnrGamma caps the x0 weight that the objective implies (SNR + 1 for the v loss, SNR
   *     for ε) at γ, as Min-SNR-γ does (Hang et al. 2023), so that the many low-noise steps, whose
   *     targets are nearly pure noise and whose gradients conflict with the others', stop
   *     dominating; noisier steps keep weight 1. 0 turns the cap off (the plain objective)
   * @param decayUpdates the Adam update at which the step size has annealed to {@code
   *     finalLrFraction} of itself (half cosine); 0 keeps it constant
   * @param finalLrFraction what is left of the step size after the decay
   * @param samples pictures in a sample grid
   * @param sampleSteps DDIM steps per sample
   * @param evalPictures held-out crops in the denoising evaluation
   * @param checkpointMinutes minutes between checkpoints
   * @param sampleMinutes minutes between sample grids
   */
  public record Settings(
      int batch,
      float learningRate,
      int warmup,
      float emaDecay,
      int canvasMin,
      int canvasMax,
      double wholeFraction,
      double tailFraction,
      int tailStart,
      double minSnrGamma,
      int decayUpdates,
      float finalLrFraction,
      int samples,
      int sampleSteps,
      int evalPictures,
      double checkpointMinutes,
      double sampleMinutes) {

    public Settings {
      if (tailFraction < 0 || tailFraction > 1 || tailStart < 0 || tailStart >= DIFFUSION_STEPS) {
        throw new IllegalArgumentException(
            "tailFraction must lie in [0, 1] and tailStart in [0, " + DIFFUSION_STEPS + ")");
      }
      if (minSnrGamma < 0) {
        throw new IllegalArgumentException("minSnrGamma must be >= 0, got " + minSnrGamma);
      }
    }

    public static Settings defaults() {
      return new Settings(
          16, 3e-4f, 100, 0.999f, 208, 256, 0.2, 0.2, 950, 0, 0, 0.1f, 16, 50, 100, 5, 10);
    }

    /**
     * The defaults, with {@code overpaint.unet.minSnrGamma} (0: off), {@code
     * overpaint.unet.decayUpdates} (0: constant step size) and {@code
     * overpaint.unet.finalLrFraction} (0.1) taken from system properties when set, as {@code train
     * unet} reads them (pass them in OVERPAINT_JAVA_OPTS).
     */
    public static Settings fromSystemProperties() {
      Settings d = defaults();
      return new Settings(
          d.batch,
          d.learningRate,
          d.warmup,
          d.emaDecay,
          d.canvasMin,
          d.canvasMax,
          d.wholeFraction,
          d.tailFraction,
          d.tailStart,
          Double.parseDouble(
              System.getProperty("overpaint.unet.minSnrGamma", Double.toString(d.minSnrGamma))),
          Integer.getInteger("overpaint.unet.decayUpdates", d.decayUpdates),
          Float.parseFloat(
              System.getProperty(
                  "overpaint.unet.finalLrFraction", Float.toString(d.finalLrFraction))),
          d.samples,
          d.sampleSteps,
          d.evalPictures,
          d.checkpointMinutes,
          d.sampleMinutes);
    }
  }

  static final int SIZE = 64;

  /** The built-in UNet's T. */
  private static final int DIFFUSION_STEPS = 1000;

  private static final long EVAL_SEED = 1234;

  private final Settings s;
  private final Dataset data = Splits.dataset(SIZE, TemplateSet.CLIP);
  private DenoiserTraining model;
  private NoiseSchedule schedule;

  public UNetTrainer() {
    this(Settings.fromSystemProperties());
  }

  public UNetTrainer(Settings settings) {
    this.s = settings;
  }

  @Override
  String name() {
    return "unet";
  }

  @Override
  int defaultSteps() {
    return 2000;
  }

  @Override
  double checkpointMinutes() {
    return s.checkpointMinutes();
  }

  @Override
  double sampleMinutes() {
    return s.sampleMinutes();
  }

  @Override
  void open(Optional<RunDir.Checkpoint> from) throws IOException {
    DenoiserTraining.Settings ts =
        new DenoiserTraining.Settings(
            s.learningRate(), s.warmup(), s.emaDecay(), s.decayUpdates(), s.finalLrFraction());
    if (from.isPresent()) {
      RunDir.Checkpoint c = from.get();
      long emaUpdates = ((Number) c.state().get("emaUpdates")).longValue();
      model =
          DenoiserTraining.resume(
              ts, c.dir().resolve("denoiser.params"), c.dir().resolve("ema.params"), emaUpdates);
      boolean moments = model.loadOptimiser(c.dir().resolve(OPTIMISER_STATE));
      run.log(
          "resumed from "
              + c.dir()
              + (moments ? " (Adam moments restored)" : " (Adam moments reset)"));
    } else {
      model = DenoiserTraining.create(ts, options.seed());
    }
    schedule = NoiseSchedule.cosine(DIFFUSION_STEPS);
    run.log("unet parameters: " + model.parameterCount());
    Pictures.writeGrid(heldOutCrops(s.samples()), SIZE, 4, run.samples().resolve("real.png"));
  }

  @Override
  float step(int step) {
    Random r = new Random(Splits.stepSeed(options.seed(), step));
    int item = 3 * SIZE * SIZE;
    float[] xt = new float[s.batch() * item];
    float[] target = new float[s.batch() * item];
    boolean velocityHead = model.predictsVelocity();
    int[] t = new int[s.batch()];
    float[] weight = new float[s.batch()];
    for (int i = 0; i < s.batch(); i++) {
      float[] x0 = picture(Splits.trainIndex((long) step * s.batch() + i, 0), r);
      t[i] = timestep(r);
      float[] noise = new float[item];
      for (int k = 0; k < item; k++) {
        noise[k] = (float) r.nextGaussian();
      }
      double alphaCumprod = schedule.alphaCumprod(t[i]);
      weight[i] = lossWeight(alphaCumprod, velocityHead, s.minSnrGamma());
      System.arraycopy(Ddim.qSample(x0, alphaCumprod, noise), 0, xt, i * item, item);
      float[] y = velocityHead ? Ddim.velocity(x0, noise, alphaCumprod) : noise;
      System.arraycopy(y, 0, target, i * item, item);
    }
    int[] shape = {s.batch(), 3, SIZE, SIZE};
    return model.step(new Tensor(shape, xt), new Tensor(shape.clone(), target), t, weight);
  }

  /**
   * min(1, γ / w_x0): the objective's implied weight on ‖x0 − x̂0‖², w_x0 = SNR + 1 for v and SNR
   * for ε (SNR = ᾱ / (1 − ᾱ)), capped at γ; 1 when the cap is off.
   */
  static float lossWeight(double alphaCumprod, boolean velocityHead, double gamma) {
    if (gamma <= 0) {
      return 1f;
    }
    double snr = alphaCumprod / (1 - alphaCumprod);
    double x0Weight = velocityHead ? snr + 1 : snr;
    return (float) Math.min(1.0, gamma / x0Weight);
  }

  private int timestep(Random r) {
    boolean tail = r.nextDouble() < s.tailFraction();
    return tail
        ? s.tailStart() + r.nextInt(DIFFUSION_STEPS - s.tailStart())
        : r.nextInt(DIFFUSION_STEPS);
  }

  /** A crop at a random canvas scale, or now and then the whole drawing; flipped half the time. */
  private float[] picture(long index, Random r) {
    boolean whole = r.nextDouble() < s.wholeFraction();
    int canvas = s.canvasMin() + r.nextInt(s.canvasMax() - s.canvasMin() + 1);
    float[] x0 =
        Dataset.toChw(whole ? data.sample(index).image() : data.crop(index, canvas).image());
    if (r.nextBoolean()) {
      Pictures.flipHorizontal(x0, SIZE, SIZE);
    }
    return x0;
  }

  @Override
  Map<String, Object> saveCheckpoint(Path dir) throws IOException {
    model.saveParameters(dir.resolve("denoiser.params"));
    model.saveEma(dir.resolve("ema.params"));
    model.saveOptimiser(dir.resolve(OPTIMISER_STATE));
    return Map.of("emaUpdates", model.emaUpdates(), "skippedUpdates", model.skippedUpdates());
  }

  @Override
  void samples(int step) throws IOException {
    try (Denoiser ema = model.emaDenoiser()) {
      List<float[]> pics =
          DdimSampler.sample(ema, s.samples(), SIZE, s.sampleSteps(), 0.0, options.seed() + 7);
      Path file = run.samples().resolve(String.format("ddim-step-%07d.png", step));
      Pictures.writeGrid(pics, SIZE, 4, file);
      run.log("samples " + file);
    }
  }

  @Override
  Map<String, Object> evaluate() throws IOException {
    List<float[]> crops = heldOutCrops(s.evalPictures());
    Map<String, Object> eval = new LinkedHashMap<>();
    try (Denoiser ema = model.emaDenoiser()) {
      eval.put("mse_by_t", DenoisingEval.mseByT(ema, crops, SIZE, EVAL_SEED));
    }
    try (ModelSet builtin = ModelRegistry.load(ModelSource.builtin(), DeviceChoice.CPU)) {
      eval.put(
          "mse_by_t_builtin", DenoisingEval.mseByT(builtin.denoiser(), crops, SIZE, EVAL_SEED));
    }
    eval.put("heldOutCrops", crops.size());
    eval.put("evalCanvas", 224);
    return eval;
  }

  /** Held-out crops from 224-px canvases: never trained on, the same for every run. */
  private List<float[]> heldOutCrops(int n) {
    List<float[]> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(Dataset.toChw(data.crop(Splits.heldOut(k), 224).image()));
    }
    return out;
  }

  @Override
  void export(Path dir, Map<String, Object> training, Map<String, Object> eval) throws IOException {
    model.exportModel(dir, training, eval);
  }

  @Override
  Map<String, Object> hyper() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("objective", "v-mse (Salimans & Ho 2022); the UNet returns eps");
    h.put("schedule", "cosine, T=1000");
    h.put("optimizer", "adam");
    h.put("batch", s.batch());
    h.put("learningRate", s.learningRate());
    h.put("warmup", s.warmup());
    h.put("emaDecay", s.emaDecay());
    h.put("crop", SIZE);
    h.put("canvas", List.of(s.canvasMin(), s.canvasMax()));
    h.put("wholeFraction", s.wholeFraction());
    h.put("tailFraction", s.tailFraction());
    h.put("tailStart", s.tailStart());
    h.put("minSnrGamma", s.minSnrGamma());
    h.put("decayUpdates", s.decayUpdates());
    h.put("finalLrFraction", s.finalLrFraction());
    h.put("flip", "horizontal, p=0.5");
    return h;
  }

  @Override
  void closeModel() {
    if (model != null) {
      model.close();
    }
  }
}
