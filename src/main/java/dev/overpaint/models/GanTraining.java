package dev.overpaint.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * One StyleGAN2 training run held in memory: generator G, its exponential moving average G_ema
 * (used for sampling and export) and the discriminator D, with their Adam optimisers.
 *
 * <p>Each {@link #step} is the alternating StyleGAN2 schedule (Karras et al. 2020, "Analyzing and
 * Improving the Image Quality of StyleGAN", §4 and appendix B): a D step and a G step on the
 * non-saturating logistic loss (Goodfellow et al. 2014), then the EMA of G's weights and the
 * running mean of w (β = 0.995) for the truncation trick. The stabiliser is one of
 *
 * <ul>
 *   <li>{@link Stabiliser#R1}: lazy R1 regularisation (Mescheder et al. 2018, "Which Training
 *       Methods for GANs do actually Converge?"): every {@code r1Interval} steps an extra D step on
 *       γ/2 · E‖∇ₓD(x)‖² over real images, scaled by the interval (Karras et al. 2020, §3.1). The
 *       input gradient is taken by a double backward through {@code JniUtils.backward} with
 *       createGraph = true;
 *   <li>{@link Stabiliser#DIFFAUGMENT}: differentiable augmentation (Zhao et al. 2020,
 *       "Differentiable Augmentation for Data-Efficient GAN Training"), translation by up to 1/8 of
 *       the side and cutout of half the side, applied to real and fake images in both D and G
 *       steps;
 *   <li>{@link Stabiliser#SPECTRAL_NORM}: spectral normalisation of every D weight (Miyato et al.
 *       2018), one power iteration inside each training forward of D (see {@link
 *       DiscriminatorBlock});
 *   <li>{@link Stabiliser#INSTANCE_NOISE}: Gaussian noise added to real and fake images before D
 *       (Sønderby et al. 2017, "Amortised MAP Inference for Image Super-resolution", §3.2; Arjovsky
 *       &amp; Bottou 2017), σ = {@value #INSTANCE_NOISE_SIGMA} annealed linearly to 0 at step
 *       {@value #INSTANCE_NOISE_STEPS};
 *   <li>{@link Stabiliser#NONE}: the bare losses (a baseline).
 * </ul>
 *
 * <p>Determinism: the initialisation is drawn from the engine generator seeded with the run seed;
 * every later draw (latents, noise inputs, augmentation) comes from a {@link Random} whose seed is
 * a pure function of (run seed, step, phase), so a resumed run draws what an uninterrupted one
 * would. Every array of a step lives in a sub-manager closed at the end of the step.
 */
public final class GanTraining implements AutoCloseable {

  /** How D is kept from running away. */
  public enum Stabiliser {
    R1,
    DIFFAUGMENT,
    SPECTRAL_NORM,
    INSTANCE_NOISE,
    NONE
  }

  /** Instance noise's starting σ, in the [-1, 1] pixel scale. */
  static final float INSTANCE_NOISE_SIGMA = 0.2f;

  /** The step at which instance noise has annealed to nothing. */
  static final int INSTANCE_NOISE_STEPS = 1000;

  /**
   * Hyper-parameters of a run.
   *
   * @param emaHalfLifeImages G_ema forgets half its weight after this many training images
   * @param emaRampup the half-life is at most this fraction of the images seen so far
   */
  public record Config(
      int resolution,
      int batch,
      float learningRate,
      float beta1,
      float beta2,
      Stabiliser stabiliser,
      float r1Gamma,
      int r1Interval,
      double emaHalfLifeImages,
      double emaRampup,
      long seed) {

    public static Config defaults(int resolution, Stabiliser stabiliser, long seed) {
      return new Config(resolution, 16, 0.002f, 0f, 0.99f, stabiliser, 1f, 16, 500, 0.05, seed);
    }

    public Config withBatch(int b) {
      return new Config(
          resolution,
          b,
          learningRate,
          beta1,
          beta2,
          stabiliser,
          r1Gamma,
          r1Interval,
          emaHalfLifeImages,
          emaRampup,
          seed);
    }

    public Config withR1(float gamma, int interval) {
      return new Config(
          resolution,
          batch,
          learningRate,
          beta1,
          beta2,
          stabiliser,
          gamma,
          interval,
          emaHalfLifeImages,
          emaRampup,
          seed);
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("resolution", resolution);
      m.put("batch", batch);
      m.put("learningRate", learningRate);
      m.put("beta1", beta1);
      m.put("beta2", beta2);
      m.put("stabiliser", stabiliser.name().toLowerCase(java.util.Locale.ROOT));
      m.put("r1Gamma", r1Gamma);
      m.put("r1Interval", r1Interval);
      if (stabiliser == Stabiliser.INSTANCE_NOISE) {
        m.put("instanceNoiseSigma", INSTANCE_NOISE_SIGMA);
        m.put("instanceNoiseSteps", INSTANCE_NOISE_STEPS);
      }
      m.put("emaHalfLifeImages", emaHalfLifeImages);
      m.put("emaRampup", emaRampup);
      m.put("seed", seed);
      return m;
    }
  }

  /**
   * What one step measured. {@code r1} is the unscaled penalty E‖∇ₓD‖² on steps that ran it, NaN
   * otherwise; {@code dReal} and {@code dFake} are mean logits.
   */
  public record Losses(long step, float dLoss, float gLoss, float r1, float dReal, float dFake) {}

  private static final double W_AVG_BETA = 0.995;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final String ADAM_G = "adam_g.state";
  private static final String ADAM_D = "adam_d.state";

  private final Config config;
  private final NDManager root;
  private final StyleGan2Block g;
  private final StyleGan2Block gEma;
  private final DiscriminatorBlock d;
  private final List<Parameter> gTrainable = new ArrayList<>();
  private final List<Parameter> dTrainable = new ArrayList<>();
  private final AdamOptimiser optG;
  private final AdamOptimiser optD;
  private long step;
  private int skippedUpdates;
  private boolean closed;

  public GanTraining(Config config) {
    this.config = config;
    this.root = NDManager.newBaseManager(Device.cpu());
    StyleGan2Block.Config gc =
        StyleGan2Block.Config.defaults(config.resolution)
            .withSkipUpsample(StyleGan2Block.Config.BILINEAR);
    Engine.getInstance().setRandomSeed((int) config.seed);
    g = new StyleGan2Block(gc);
    g.initializeAll(root);
    g.wAvgParameter().freeze(true);
    g.computeWAvg(root, BuiltinWeights.W_AVG_SAMPLES, config.seed);
    gEma = new StyleGan2Block(gc);
    gEma.initializeAll(root);
    gEma.freeze();
    copyInto(g, gEma);
    Engine.getInstance().setRandomSeed((int) (config.seed + 1));
    d =
        new DiscriminatorBlock(
            DiscriminatorBlock.Config.defaults(config.resolution)
                .withSpectralNorm(config.stabiliser == Stabiliser.SPECTRAL_NORM));
    d.initializeAll(root);
    for (Parameter p : g.getParameters().values()) {
      if (p != g.wAvgParameter()) {
        gTrainable.add(p);
      }
    }
    dTrainable.addAll(d.trainable());
    optG = adam();
    optD = adam();
  }

  private AdamOptimiser adam() {
    return new AdamOptimiser(
        new AdamOptimiser.Settings(
            Tracker.fixed(config.learningRate), config.beta1, config.beta2, 1e-8f, 0f),
        root);
  }

  public Config config() {
    return config;
  }

  /** Steps done so far (including those of a loaded checkpoint). */
  public long steps() {
    return step;
  }

  public long generatorParameters() {
    return g.parameterCount();
  }

  public long discriminatorParameters() {
    return d.parameterCount();
  }

  public int latentDim() {
    return g.config().latentDim();
  }

  /**
   * One training step on a batch of real images (n, 3, resolution, resolution) in [-1, 1]: D step,
   * lazy R1 when due, G step, EMA and w_avg updates.
   */
  public Losses step(Tensor reals) {
    ensureOpen();
    int r = config.resolution;
    if (reals.rank() != 4 || reals.dim(1) != 3 || reals.dim(2) != r || reals.dim(3) != r) {
      throw new IllegalArgumentException(
          "reals must be (n, 3, " + r + ", " + r + "), got " + reals);
    }
    int n = reals.dim(0);
    synchronized (Scoped.AUTOGRAD_LOCK) {
      float[] dl = discriminatorStep(reals, n);
      float r1 = Float.NaN;
      if (config.stabiliser == Stabiliser.R1
          && config.r1Interval > 0
          && step % config.r1Interval == 0) {
        r1 = r1Step(reals);
      }
      float gl = generatorStep(n);
      step++;
      updateEma(n);
      return new Losses(step, dl[0], gl, r1, dl[1], dl[2]);
    }
  }

  /** D: softplus(D(G(z))) + softplus(−D(x)). Returns {loss, mean D(x), mean D(G(z))}. */
  private float[] discriminatorStep(Tensor reals, int n) {
    try (NDManager m = root.newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      Random rnd = draws(0);
      NDArray real = Scoped.in(m, reals);
      boolean mode = JniUtils.isGradMode();
      JniUtils.setGradMode(false);
      NDArray fake;
      try {
        fake = generate(m, ps, g, rnd, n, false).stopGradient();
      } finally {
        JniUtils.setGradMode(mode);
      }
      float[] out = new float[3];
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray lr = d.logits(ps, augment(real, rnd), true);
        NDArray lf = d.logits(ps, augment(fake, rnd), true);
        NDArray loss = Activation.softPlus(lf).mean().add(Activation.softPlus(lr.neg()).mean());
        gc.backward(loss);
        out[0] = loss.getFloat();
        out[1] = lr.mean().getFloat();
        out[2] = lf.mean().getFloat();
      }
      adamStep(optD, dTrainable);
      return out;
    }
  }

  /**
   * Lazy R1: γ/2 · E‖∇ₓD(x)‖² · interval on real images, as its own D update. ∇ₓD comes from a
   * first backward with createGraph = true; D's parameters stop requiring gradients for that pass
   * so that only x receives the (graph-carrying) gradient and no parameter↔gradient cycle forms in
   * the parameters; the penalty's backward then fills the parameters' gradients alone.
   */
  private float r1Step(Tensor reals) {
    try (NDManager m = root.newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      NDArray real = Scoped.in(m, reals);
      real.setRequiresGradient(true);
      float penalty;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = d.logits(ps, real, true);
        setRequiresGrad(dTrainable, false);
        try {
          JniUtils.backward((PtNDArray) logits.sum(), (PtNDArray) m.ones(new Shape()), true, true);
        } finally {
          setRequiresGrad(dTrainable, true);
        }
        NDArray grad = real.getGradient();
        NDArray pen = grad.square().sum(new int[] {1, 2, 3}).mean();
        penalty = pen.getFloat();
        gc.backward(Ops.times(pen, config.r1Gamma / 2f * config.r1Interval));
        grad.close();
      }
      JniUtils.zeroGrad((PtNDArray) real);
      adamStep(optD, dTrainable);
      return penalty;
    }
  }

  /** G: softplus(−D(G(z))), with D's parameters frozen for the pass. */
  private float generatorStep(int n) {
    try (NDManager m = root.newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      Random rnd = draws(1);
      setRequiresGrad(dTrainable, false);
      float out;
      NDArray wMean;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray[] w = new NDArray[1];
        NDArray fake = generate(m, ps, g, rnd, n, true, w);
        NDArray lf = d.logits(ps, augment(fake, rnd), true);
        NDArray loss = Activation.softPlus(lf.neg()).mean();
        gc.backward(loss);
        out = loss.getFloat();
        wMean = w[0].stopGradient().mean(new int[] {0});
      } finally {
        setRequiresGrad(dTrainable, true);
      }
      adamStep(optG, gTrainable);
      // w_avg ← lerp(mean w, w_avg, β)
      NDArray avg = g.wAvgParameter().getArray();
      avg.muli(W_AVG_BETA).addi(wMean.mul(1 - W_AVG_BETA));
      return out;
    }
  }

  /** G_ema ← β·G_ema + (1 − β)·G with β = 0.5^(batch / half-life); w_avg is copied. */
  private void updateEma(int n) {
    double images = (double) step * n;
    double halfLife = Math.min(config.emaHalfLifeImages, images * config.emaRampup);
    double beta = halfLife <= 0 ? 0 : Math.pow(0.5, n / halfLife);
    try (NDManager m = root.newSubManager()) {
      List<Parameter> src = g.getParameters().values();
      List<Parameter> dst = gEma.getParameters().values();
      for (int i = 0; i < src.size(); i++) {
        NDArray s = src.get(i).getArray();
        NDArray e = dst.get(i).getArray();
        if (src.get(i) == g.wAvgParameter()) {
          e.muli(0).addi(Ops.scaled(m.create(0f), s, 1f));
        } else {
          e.muli((float) beta).addi(Ops.scaled(m.create(0f), s, (float) (1 - beta)));
        }
      }
    }
  }

  /**
   * Adam on each parameter, then its gradient zeroed (a GradientCollector does not zero). When any
   * gradient holds a NaN or infinity the whole update is skipped (and counted), so one bad batch
   * cannot poison the weights.
   */
  private void adamStep(AdamOptimiser opt, List<Parameter> params) {
    List<Map.Entry<String, Parameter>> named = new ArrayList<>();
    List<NDArray> grads = new ArrayList<>();
    for (Parameter p : params) {
      named.add(Map.entry(p.getName(), p));
      grads.add(p.getArray().getGradient());
    }
    if (Double.isFinite(Ops.globalNorm(grads))) {
      opt.update(named, grads, 1f);
    } else {
      skippedUpdates++;
    }
    for (int i = 0; i < params.size(); i++) {
      JniUtils.zeroGrad((PtNDArray) params.get(i).getArray());
      grads.get(i).close();
    }
  }

  /** Optimiser updates skipped so far because a gradient was not finite. */
  public int skippedUpdates() {
    return skippedUpdates;
  }

  private static void setRequiresGrad(List<Parameter> params, boolean on) {
    for (Parameter p : params) {
      p.getArray().setRequiresGradient(on);
    }
  }

  private NDArray generate(
      NDManager m, ParameterStore ps, StyleGan2Block block, Random rnd, int n, boolean training) {
    return generate(m, ps, block, rnd, n, training, new NDArray[1]);
  }

  private NDArray generate(
      NDManager m,
      ParameterStore ps,
      StyleGan2Block block,
      Random rnd,
      int n,
      boolean training,
      NDArray[] wOut) {
    NDArray z = gaussian(m, rnd, new Shape(n, block.config().latentDim()));
    NDList noise = new NDList();
    for (Shape s : block.noiseShapes(n)) {
      noise.add(gaussian(m, rnd, s));
    }
    NDArray w = block.mapping(ps, z, training);
    wOut[0] = w;
    return block.synthesis(ps, w, noise, training);
  }

  /** What D sees of a batch: DiffAugment's or instance noise's view of it, or the batch itself. */
  private NDArray augment(NDArray x, Random rnd) {
    return switch (config.stabiliser) {
      case DIFFAUGMENT -> diffAugment(x, rnd);
      case INSTANCE_NOISE -> withInstanceNoise(x, rnd);
      default -> x;
    };
  }

  private NDArray withInstanceNoise(NDArray x, Random rnd) {
    double sigma = INSTANCE_NOISE_SIGMA * Math.max(0, 1 - (double) step / INSTANCE_NOISE_STEPS);
    if (sigma == 0) {
      return x;
    }
    return x.add(Ops.times(gaussian(x.getManager(), rnd, x.getShape()), (float) sigma));
  }

  /** DiffAugment translation (±1/8 side, zero fill) then cutout (half side), per sample. */
  private NDArray diffAugment(NDArray x, Random rnd) {
    Shape s = x.getShape();
    int n = (int) s.get(0);
    int res = (int) s.get(3);
    int shift = Math.max(1, res / 8);
    NDArray padded = x.pad(new Shape(shift, shift, shift, shift), 0);
    NDList parts = new NDList();
    for (int i = 0; i < n; i++) {
      int dx = rnd.nextInt(2 * shift + 1);
      int dy = rnd.nextInt(2 * shift + 1);
      parts.add(
          padded.get(new NDIndex("{}:{}, :, {}:{}, {}:{}", i, i + 1, dy, dy + res, dx, dx + res)));
    }
    NDArray t = NDArrays.concat(parts, 0);
    float[] mask = new float[n * res * res];
    java.util.Arrays.fill(mask, 1f);
    int half = res / 2;
    for (int i = 0; i < n; i++) {
      int cx = rnd.nextInt(res + 1 - half % 2);
      int cy = rnd.nextInt(res + 1 - half % 2);
      for (int y = Math.max(0, cy - half / 2); y < Math.min(res, cy + half / 2); y++) {
        for (int xx = Math.max(0, cx - half / 2); xx < Math.min(res, cx + half / 2); xx++) {
          mask[(i * res + y) * res + xx] = 0f;
        }
      }
    }
    return t.mul(x.getManager().create(mask, new Shape(n, 1, res, res)));
  }

  private Random draws(long phase) {
    long mixed = config.seed ^ (step * GOLDEN) ^ (phase * 0xC2B2AE3D27D4EB4FL);
    return new Random(new SplittableRandom(mixed).nextLong());
  }

  private static NDArray gaussian(NDManager m, Random rnd, Shape s) {
    float[] v = new float[Math.toIntExact(s.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return m.create(v, s);
  }

  /**
   * Images from G_ema for latents z (n, latentDim), truncation ψ toward w_avg, per-layer noise from
   * {@link Random}(noiseSeed) in layer order; values clamped to [-1, 1].
   */
  public Tensor sample(Tensor z, float psi, long noiseSeed) {
    ensureOpen();
    synchronized (Scoped.AUTOGRAD_LOCK) {
      try (NDManager m = root.newSubManager()) {
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
          ParameterStore ps = new ParameterStore(m, false);
          NDArray zs = Scoped.in(m, z);
          NDArray w = gEma.mapping(ps, zs, false);
          if (psi != 1f) {
            w = gEma.truncate(ps, w, psi, false);
          }
          Random rnd = new Random(noiseSeed);
          NDList noise = new NDList();
          for (Shape s : gEma.noiseShapes(z.dim(0))) {
            noise.add(gaussian(m, rnd, s));
          }
          return Scoped.out(gEma.synthesis(ps, w, noise, false).clip(-1f, 1f));
        } finally {
          JniUtils.setGradMode(mode);
        }
      }
    }
  }

  /**
   * Writes g.params, g_ema.params and d.params, and both optimisers' moments (adam_g.state,
   * adam_d.state), into {@code dir} (created if absent).
   */
  public void saveCheckpoint(Path dir) throws IOException {
    ensureOpen();
    Files.createDirectories(dir);
    save(g, dir.resolve("g.params"));
    save(gEma, dir.resolve("g_ema.params"));
    save(d, dir.resolve("d.params"));
    optG.save(dir.resolve(ADAM_G));
    optD.save(dir.resolve(ADAM_D));
  }

  /**
   * Loads a checkpoint written by {@link #saveCheckpoint} and sets the step counter. The Adam
   * moments continue where they stopped; a checkpoint from before they were stored restarts them
   * from zero.
   *
   * @return whether the Adam moments were restored
   */
  public boolean loadCheckpoint(Path dir, long steps) throws IOException {
    ensureOpen();
    synchronized (Scoped.AUTOGRAD_LOCK) {
      load(g, dir.resolve("g.params"));
      load(gEma, dir.resolve("g_ema.params"));
      load(d, dir.resolve("d.params"));
      boolean moments = Files.exists(dir.resolve(ADAM_G)) && Files.exists(dir.resolve(ADAM_D));
      if (moments) {
        optG.load(dir.resolve(ADAM_G));
        optD.load(dir.resolve(ADAM_D));
      }
      g.wAvgParameter().freeze(true);
      gEma.freeze();
      setRequiresGrad(gTrainable, true);
      setRequiresGrad(dTrainable, true);
      this.step = steps;
      return moments;
    }
  }

  /**
   * Writes a candidate weight set to {@code modelDir}: the built-in set with the "generator" role
   * replaced by G_ema (its params file and manifest entry with sha256 and hyper-parameters),
   * recording {@code training} and {@code eval}.
   */
  public void writeGenerator(Path modelDir, Map<String, Object> training, Map<String, Object> eval)
      throws IOException {
    ensureOpen();
    BuiltinWeights.copyBuiltin(modelDir);
    BuiltinWeights.writeRole(
        modelDir,
        new BuiltinWeights.Entry(
            "generator",
            "builtin-stylegan2-tiny",
            StyleGan2Block.ARCHITECTURE,
            gEma,
            gEma.config().toHyper(),
            training,
            eval));
  }

  /** Hyper-parameters of the discriminator, for logs. */
  public Map<String, Object> discriminatorHyper() {
    return d.config().toHyper();
  }

  private static void save(FlatBlock block, Path file) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      block.saveParameters(out);
    }
  }

  private void load(FlatBlock block, Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      block.loadParameters(root, in);
    } catch (MalformedModelException e) {
      throw new IOException("cannot load " + file + ": " + e.getMessage(), e);
    }
  }

  private static void copyInto(StyleGan2Block from, StyleGan2Block to) {
    List<Parameter> src = from.getParameters().values();
    List<Parameter> dst = to.getParameters().values();
    for (int i = 0; i < src.size(); i++) {
      dst.get(i).getArray().set(src.get(i).getArray().toFloatArray());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("GAN training is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      root.close();
    }
  }
}
