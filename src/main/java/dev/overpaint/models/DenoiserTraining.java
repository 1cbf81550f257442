package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains the {@link UNetBlock} on the ε-prediction objective of Ho et al. 2020 ("Denoising
 * Diffusion Probabilistic Models", L_simple: ‖ε − ε_θ(x_t, t)‖²), or for a v head on ‖v − v_θ(x_t,
 * t)‖² (Salimans &amp; Ho 2022), with Adam and an exponential moving average of the weights that is
 * what gets sampled and exported. The caller draws t, ε and x_t (the schedule is Nichol &amp;
 * Dhariwal 2021's cosine one, in {@code diffusion/}); this class only sees arrays.
 */
public final class DenoiserTraining extends BlockTraining<UNetBlock> {

  /**
   * @param learningRate Adam's step size after warm-up
   * @param warmup updates of linear warm-up
   * @param emaDecay the EMA's decay once enough updates have been seen
   * @param decayUpdates the update at which the step size has annealed (half cosine) to {@code
   *     finalLrFraction · learningRate}; 0 keeps it constant
   * @param finalLrFraction what is left of the step size after the decay
   */
  public record Settings(
      float learningRate, int warmup, float emaDecay, int decayUpdates, float finalLrFraction) {

    /** A constant step size after the warm-up. */
    public Settings(float learningRate, int warmup, float emaDecay) {
      this(learningRate, warmup, emaDecay, 0, 1f);
    }

    public Settings {
      if (decayUpdates < 0 || finalLrFraction < 0 || finalLrFraction > 1) {
        throw new IllegalArgumentException(
            "decayUpdates must be >= 0 and finalLrFraction in [0, 1], got "
                + decayUpdates
                + " and "
                + finalLrFraction);
      }
    }
  }

  private final UNetBlock ema;
  private final List<Parameter> live = new ArrayList<>();
  private final List<Parameter> averaged = new ArrayList<>();
  private final float emaDecay;
  private long emaUpdates;

  private DenoiserTraining(
      UNetBlock block, UNetBlock ema, NDManager manager, Settings s, long emaUpdates) {
    super(
        block,
        manager,
        AdamOptimiser.Settings.standard(
            warmUpThenCosine(s.learningRate(), s.warmup(), s.decayUpdates(), s.finalLrFraction()),
            0f));
    this.ema = ema;
    this.emaDecay = s.emaDecay();
    this.emaUpdates = emaUpdates;
    for (Pair<String, Parameter> p : block.getParameters()) {
      live.add(p.getValue());
    }
    for (Pair<String, Parameter> p : ema.getParameters()) {
      averaged.add(p.getValue());
    }
  }

  /** A fresh UNet (the built-in architecture) initialised from {@code seed}; the EMA equals it. */
  public static DenoiserTraining create(Settings s, long seed) {
    NDManager m = newManager();
    UNetBlock block = initialise(new UNetBlock(UNetBlock.Config.defaults()), m, seed);
    UNetBlock ema = initialise(new UNetBlock(UNetBlock.Config.defaults()), m, seed);
    ema.freeze();
    return new DenoiserTraining(block, ema, m, s, 0);
  }

  /**
   * Continues from checkpointed live and EMA weights; Adam's moments start from zero unless {@link
   * #loadOptimiser} restores them.
   */
  public static DenoiserTraining resume(Settings s, Path params, Path emaParams, long emaUpdates)
      throws IOException {
    NDManager m = newManager();
    try {
      UNetBlock block = load(new UNetBlock(UNetBlock.Config.defaults()), m, params);
      UNetBlock ema = load(new UNetBlock(UNetBlock.Config.defaults()), m, emaParams);
      ema.freeze();
      return new DenoiserTraining(block, ema, m, s, emaUpdates);
    } catch (IOException | RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /**
   * Carries denoiser weights saved before the middle attention ({@code legacyParams}, e.g. the
   * built-in denoiser committed before it) into the current architecture: every parameter they have
   * is kept and the new ones start from {@code seed}, the attention's output and the second middle
   * ResBlock's last conv at zero, so that the grown net computes what the old one did. A training
   * run is seeded from the result as from any checkpoint.
   */
  public static void growLegacy(Path legacyParams, Path out, long seed) throws IOException {
    try (NDManager m = newManager()) {
      UNetBlock legacy =
          load(new UNetBlock(UNetBlock.Config.defaults().withoutMidAttention()), m, legacyParams);
      UNetBlock grown = initialise(new UNetBlock(UNetBlock.Config.defaults()), m, seed);
      grown.copyMatching(legacy);
      save(grown, out);
    }
  }

  /**
   * One Adam step on the batch mean of w_i · mean((head_θ(x_t, t) − target)²) over picture i's
   * pixels, then one EMA update.
   *
   * @param xt noised images (n, 3, h, w)
   * @param target what the head predicts ({@link #predictsVelocity()}): the noise ε that made x_t,
   *     or v = √ᾱ·ε − √(1−ᾱ)·x0; same shape
   * @param t one timestep per image
   * @param weight one loss weight per image (all 1 for the plain objective)
   * @return the weighted batch loss before the update
   */
  public float step(Tensor xt, Tensor target, int[] t, float[] weight) {
    if (weight.length != t.length) {
      throw new IllegalArgumentException(
          weight.length + " loss weights for " + t.length + " pictures");
    }
    float loss =
        optimise(
            m -> {
              NDArray x = Scoped.in(m, xt);
              NDArray y = Scoped.in(m, target);
              NDArray steps = m.create(floats(t), new Shape(t.length));
              NDArray w = m.create(weight, new Shape(weight.length));
              NDArray perPicture =
                  block
                      .head(parameters, new NDList(x, steps), true)
                      .sub(y)
                      .square()
                      .reshape(t.length, -1)
                      .mean(new int[] {1});
              return perPicture.mul(w).mean();
            });
    updateEma();
    return loss;
  }

  /** Whether {@link #step}'s target is v rather than ε. */
  public boolean predictsVelocity() {
    return block.config().prediction().equals(UNetBlock.Config.V);
  }

  /** Diffusion losses spike at small t now and then; clipping keeps one spike from diverging. */
  @Override
  protected float maxGradNorm() {
    return 1f;
  }

  /** Updates seen by the EMA (checkpointed so that its warm-up continues on resume). */
  public long emaUpdates() {
    return emaUpdates;
  }

  /**
   * A {@link Denoiser} over the EMA weights, for sampling and evaluation while training goes on.
   * Closing it leaves this trainer open.
   */
  public Denoiser emaDenoiser() {
    ensureOpen();
    ModelInfo info =
        new ModelInfo(
            "denoiser",
            "training-ema",
            UNetBlock.ARCHITECTURE,
            "",
            ema.parameterCount(),
            ema.config().toHyper(),
            Map.of());
    return new BuiltinDenoiser(ema, manager.newSubManager(), info);
  }

  public void saveEma(Path file) throws IOException {
    save(ema, file);
  }

  /**
   * Writes a candidate weight set to {@code dir}: the built-in set with the denoiser replaced by
   * the EMA weights, recording {@code training} and {@code eval} in its manifest entry.
   */
  public void exportModel(Path dir, Map<String, Object> training, Map<String, Object> eval)
      throws IOException {
    BuiltinWeights.copyBuiltin(dir);
    BuiltinWeights.writeRole(
        dir,
        new BuiltinWeights.Entry(
            "denoiser",
            "builtin-unet-eps-tiny",
            UNetBlock.ARCHITECTURE,
            ema,
            ema.config().toHyper(),
            training,
            eval));
  }

  /**
   * θ_ema ← d·θ_ema + (1 − d)·θ with d = min(decay, (1 + n)/(10 + n)): the warm-up keeps a short
   * run's average from being dominated by the random initialisation.
   */
  private void updateEma() {
    emaUpdates++;
    float d = (float) Math.min(emaDecay, (1.0 + emaUpdates) / (10.0 + emaUpdates));
    try (NDManager m = manager.newSubManager()) {
      for (int i = 0; i < live.size(); i++) {
        NDArray e = averaged.get(i).getArray();
        // The product is made on a call-scope scalar so that it lives in m (pitfall 1).
        e.muli(d).addi(m.create(1f - d).mul(live.get(i).getArray()));
      }
    }
  }

  private static float[] floats(int[] t) {
    float[] f = new float[t.length];
    for (int i = 0; i < t.length; i++) {
      f[i] = t[i];
    }
    return f;
  }
}
