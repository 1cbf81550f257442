package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import dev.overpaint.diffusion.NoiseSchedule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ε-prediction UNet (Ho et al. 2020, "Denoising Diffusion Probabilistic Models"; Nichol &amp;
 * Dhariwal 2021, "Improved DDPM"): sinusoidal timestep embedding → MLP, residual blocks with
 * GroupNorm + SiLU and an additive timestep projection, stride-2 conv downsampling, nearest-up +
 * conv upsampling and skip concatenations. Self-attention only in the middle, at the coarsest level
 * (16×16 for a 64-px tile), as ADM's middle block has it (ResBlock, attention, ResBlock): there it
 * costs a few per cent of the compute and lets a line or a facade on one side of the tile see the
 * other side; elsewhere there is none, because the net is sized for a 2-core CPU.
 *
 * <p>Inputs: x (n, 3, h, w) with h, w multiples of 2^(levels-1), and t (n) as float timesteps.
 * Output: ε̂ with the shape of x.
 *
 * <p>The head predicts ε directly ({@code prediction = "eps"}) or v = √ᾱ·ε − √(1−ᾱ)·x0 (Salimans
 * &amp; Ho 2022, "Progressive Distillation", §4), returned as ε̂ = √(1−ᾱ)·x_t + √ᾱ·v̂. A plain ε
 * head must copy its input to within a per-cent at high noise, where x̂0 = (x_t − √(1−ᾱ)·ε̂)/√ᾱ
 * amplifies every error by 1/√ᾱ; measured on the 3204-step ε model, its x̂0 at t = 800 was noise,
 * and its samples texture soup. The v head's x̂0 = √ᾱ·x_t − √(1−ᾱ)·v̂ stays bounded.
 */
final class UNetBlock extends FlatBlock {

  static final String ARCHITECTURE = "unet-eps";

  /** Architecture hyper-parameters. */
  record Config(
      int baseChannels,
      int[] channelMults,
      int resBlocks,
      int groups,
      int trainingResolution,
      int diffusionSteps,
      String schedule,
      String prediction,
      int midAttentionHeads) {

    static final String EPS = "eps";
    static final String V = "v";

    Config {
      if (!prediction.equals(EPS) && !prediction.equals(V)) {
        throw new IllegalArgumentException(
            "prediction must be 'eps' or 'v', got '" + prediction + "'");
      }
      int mid = baseChannels * channelMults[channelMults.length - 1];
      if (midAttentionHeads < 0 || (midAttentionHeads > 0 && mid % midAttentionHeads != 0)) {
        throw new IllegalArgumentException(
            "midAttentionHeads must be 0 or divide the middle's " + mid + " channels");
      }
    }

    static Config defaults() {
      return new Config(32, new int[] {1, 2, 2}, 1, 8, 64, 1000, "cosine", V, 1);
    }

    /**
     * The architecture before the middle attention (every denoiser trained before 2026-12-04's
     * sixth session): one ResBlock in the middle.
     */
    Config withoutMidAttention() {
      return new Config(
          baseChannels,
          channelMults,
          resBlocks,
          groups,
          trainingResolution,
          diffusionSteps,
          schedule,
          prediction,
          0);
    }

    static Config fromHyper(Map<String, Object> h) {
      Config d = defaults();
      return new Config(
          Hyper.intOf(h, "baseChannels", d.baseChannels),
          Hyper.intsOf(h, "channelMults", d.channelMults),
          Hyper.intOf(h, "resBlocks", d.resBlocks),
          Hyper.intOf(h, "groups", d.groups),
          Hyper.intOf(h, "trainingResolution", d.trainingResolution),
          Hyper.intOf(h, "diffusionSteps", d.diffusionSteps),
          Hyper.stringOf(h, "schedule", d.schedule),
          // Weights saved before the v head existed were all ε heads, and those saved before the
          // middle attention had none.
          Hyper.stringOf(h, "prediction", EPS),
          Hyper.intOf(h, "midAttentionHeads", 0));
    }

    Map<String, Object> toHyper() {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("baseChannels", baseChannels);
      h.put("channelMults", java.util.Arrays.stream(channelMults).boxed().toList());
      h.put("resBlocks", resBlocks);
      h.put("groups", groups);
      h.put("trainingResolution", trainingResolution);
      h.put("diffusionSteps", diffusionSteps);
      h.put("schedule", schedule);
      h.put("prediction", prediction);
      h.put("midAttentionHeads", midAttentionHeads);
      h.put("sizeMultiple", sizeMultiple());
      return h;
    }

    int sizeMultiple() {
      return 1 << (channelMults.length - 1);
    }

    int embedDim() {
      return baseChannels * 4;
    }
  }

  private record Conv(Parameter weight, Parameter bias) {}

  private record Norm(Parameter gamma, Parameter beta) {}

  private record ResBlock(
      Norm norm1, Conv conv1, Parameter tW, Parameter tB, Norm norm2, Conv conv2, Conv skip) {}

  private record Attention(Norm norm, Conv qkv, Conv proj) {}

  private final Config config;
  private final NoiseSchedule noiseSchedule;
  private final Parameter tFc1W;
  private final Parameter tFc1B;
  private final Parameter tFc2W;
  private final Parameter tFc2B;
  private final Conv convIn;
  private final List<List<ResBlock>> down = new ArrayList<>();
  private final List<Conv> downsample = new ArrayList<>();
  private final ResBlock middle;
  private final Attention midAttention;
  private final ResBlock middle2;
  private final List<List<ResBlock>> up = new ArrayList<>();
  private final List<Conv> upsample = new ArrayList<>();
  private final Norm normOut;
  private final Conv convOut;

  UNetBlock(Config config) {
    super((byte) 1);
    this.config = config;
    this.noiseSchedule = NoiseSchedule.named(config.schedule, config.diffusionSteps);
    int base = config.baseChannels;
    int e = config.embedDim();
    tFc1W = param("time.fc1.weight", fanIn(base), e, base);
    tFc1B = param("time.fc1.bias", Initializer.ZEROS, e);
    tFc2W = param("time.fc2.weight", fanIn(e), e, e);
    tFc2B = param("time.fc2.bias", Initializer.ZEROS, e);
    convIn = conv("in", 3, base, 3);
    int levels = config.channelMults.length;
    // Channel counts of every skip pushed on the way down, popped on the way up.
    Deque<Integer> skips = new ArrayDeque<>();
    skips.push(base);
    int ch = base;
    for (int l = 0; l < levels; l++) {
      int out = base * config.channelMults[l];
      List<ResBlock> blocks = new ArrayList<>();
      for (int i = 0; i < config.resBlocks; i++) {
        blocks.add(resBlock("down." + l + "." + i, ch, out, false));
        ch = out;
        skips.push(ch);
      }
      down.add(blocks);
      if (l < levels - 1) {
        downsample.add(conv("down." + l + ".downsample", ch, ch, 3));
        skips.push(ch);
      }
    }
    middle = resBlock("mid", ch, ch, false);
    if (config.midAttentionHeads > 0) {
      // Both start as the identity, so weights grown from a net without them compute the same.
      midAttention =
          new Attention(
              norm("mid.attn.norm", ch),
              conv("mid.attn.qkv", ch, 3 * ch, 1),
              zeroConv("mid.attn.proj", ch, ch, 1));
      middle2 = resBlock("mid2", ch, ch, true);
    } else {
      midAttention = null;
      middle2 = null;
    }
    for (int l = levels - 1; l >= 0; l--) {
      int out = base * config.channelMults[l];
      List<ResBlock> blocks = new ArrayList<>();
      for (int i = 0; i <= config.resBlocks; i++) {
        blocks.add(resBlock("up." + l + "." + i, ch + skips.pop(), out, false));
        ch = out;
      }
      up.add(blocks);
      if (l > 0) {
        upsample.add(conv("up." + l + ".upsample", ch, ch, 3));
      }
    }
    normOut = norm("out.norm", ch);
    // Small output init: an untrained net predicts near-zero ε (Nichol & Dhariwal zero it).
    convOut =
        new Conv(
            param("out.conv.weight", Ops.normal(1e-3), 3, ch, 3, 3),
            param("out.conv.bias", Initializer.ZEROS, 1, 3, 1, 1));
  }

  /** A conv that starts at zero (ADM's zero_module): its branch adds nothing until trained. */
  private Conv zeroConv(String name, int in, int out, int k) {
    return new Conv(
        param(name + ".weight", Initializer.ZEROS, out, in, k, k),
        param(name + ".bias", Initializer.ZEROS, 1, out, 1, 1));
  }

  /** He-style fan-in initialiser for SiLU nets. */
  private static Initializer fanIn(long fanIn) {
    return Ops.normal(Math.sqrt(1.0 / fanIn));
  }

  private Conv conv(String name, int in, int out, int k) {
    return new Conv(
        param(name + ".weight", fanIn((long) in * k * k), out, in, k, k),
        param(name + ".bias", Initializer.ZEROS, 1, out, 1, 1));
  }

  private Norm norm(String name, int c) {
    return new Norm(
        param(name + ".gamma", Initializer.ONES, 1, c, 1, 1),
        param(name + ".beta", Initializer.ZEROS, 1, c, 1, 1));
  }

  /** {@code identity}: the residual branch's last conv starts at zero (in == out only). */
  private ResBlock resBlock(String name, int in, int out, boolean identity) {
    int e = config.embedDim();
    return new ResBlock(
        norm(name + ".norm1", in),
        conv(name + ".conv1", in, out, 3),
        param(name + ".time.weight", fanIn(e), out, e),
        param(name + ".time.bias", Initializer.ZEROS, out),
        norm(name + ".norm2", out),
        identity ? zeroConv(name + ".conv2", out, out, 3) : conv(name + ".conv2", out, out, 3),
        in == out ? null : conv(name + ".skip", in, out, 1));
  }

  Config config() {
    return config;
  }

  @Override
  Shape[] initShapes() {
    int r = config.trainingResolution;
    return new Shape[] {new Shape(1, 3, r, r), new Shape(1)};
  }

  @Override
  Shape[] outputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray out = head(ps, inputs, training);
    return new NDList(config.prediction.equals(Config.V) ? epsFromV(inputs, out) : out);
  }

  /** ε̂ = √(1−ᾱ_t)·x_t + √ᾱ_t·v̂, per picture. */
  private NDArray epsFromV(NDList inputs, NDArray v) {
    NDArray x = inputs.get(0);
    float[] t = inputs.get(1).toFloatArray();
    float[] a = new float[t.length];
    float[] s = new float[t.length];
    for (int i = 0; i < t.length; i++) {
      double alphaCumprod = noiseSchedule.alphaCumprod(Math.round(t[i]));
      a[i] = (float) Math.sqrt(alphaCumprod);
      s[i] = (float) Math.sqrt(1 - alphaCumprod);
    }
    NDManager m = x.getManager();
    Shape perPicture = new Shape(t.length, 1, 1, 1);
    return x.mul(m.create(s, perPicture)).add(v.mul(m.create(a, perPicture)));
  }

  /** The raw head: ε̂ or v̂, as {@link Config#prediction} says; this is what training fits. */
  NDArray head(ParameterStore ps, NDList inputs, boolean training) {
    NDArray x = inputs.get(0);
    NDArray emb = timeEmbedding(ps, inputs.get(1), training);
    Deque<NDArray> hs = new ArrayDeque<>();
    NDArray h = conv(ps, convIn, x, 1, training);
    hs.push(h);
    for (int l = 0; l < down.size(); l++) {
      for (ResBlock b : down.get(l)) {
        h = res(ps, b, h, emb, training);
        hs.push(h);
      }
      if (l < downsample.size()) {
        h = conv(ps, downsample.get(l), h, 2, training);
        hs.push(h);
      }
    }
    h = res(ps, middle, h, emb, training);
    if (midAttention != null) {
      h = attend(ps, midAttention, h, training);
      h = res(ps, middle2, h, emb, training);
    }
    for (int i = 0; i < up.size(); i++) {
      for (ResBlock b : up.get(i)) {
        h = res(ps, b, NDArrays.concat(new NDList(h, hs.pop()), 1), emb, training);
      }
      if (i < upsample.size()) {
        h = conv(ps, upsample.get(i), Ops.upsample2x(h), 1, training);
      }
    }
    h = Ops.silu(norm(ps, normOut, h, training));
    return conv(ps, convOut, h, 1, training);
  }

  /** Sinusoidal embedding of t (Vaswani et al. 2017, as in DDPM) followed by a SiLU MLP. */
  private NDArray timeEmbedding(ParameterStore ps, NDArray t, boolean training) {
    NDManager m = t.getManager();
    int half = config.baseChannels / 2;
    float[] freqs = new float[half];
    for (int i = 0; i < half; i++) {
      freqs[i] = (float) Math.exp(-Math.log(10000.0) * i / half);
    }
    NDArray args = t.reshape(-1, 1).mul(m.create(freqs, new Shape(1, half)));
    NDArray sin = NDArrays.concat(new NDList(args.sin(), args.cos()), 1);
    NDArray h =
        Linear.linear(sin, value(ps, tFc1W, sin, training), value(ps, tFc1B, sin, training))
            .singletonOrThrow();
    h = Ops.silu(h);
    return Linear.linear(h, value(ps, tFc2W, h, training), value(ps, tFc2B, h, training))
        .singletonOrThrow();
  }

  /** GroupNorm → SiLU → conv, + timestep projection, GroupNorm → SiLU → conv, + skip. */
  private NDArray res(ParameterStore ps, ResBlock b, NDArray x, NDArray emb, boolean training) {
    NDArray h = conv(ps, b.conv1, Ops.silu(norm(ps, b.norm1, x, training)), 1, training);
    NDArray e = Ops.silu(emb);
    NDArray tp =
        Linear.linear(e, value(ps, b.tW, e, training), value(ps, b.tB, e, training))
            .singletonOrThrow();
    h = h.add(tp.expandDims(2).expandDims(3));
    h = conv(ps, b.conv2, Ops.silu(norm(ps, b.norm2, h, training)), 1, training);
    NDArray skip = b.skip == null ? x : conv(ps, b.skip, x, 1, training);
    return skip.add(h);
  }

  /**
   * x + proj(softmax(qᵀk / √d)·v) over the h·w positions (Vaswani et al. 2017), per head of d
   * channels, on GroupNorm'd x.
   */
  private NDArray attend(ParameterStore ps, Attention a, NDArray x, boolean training) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long positions = s.get(2) * s.get(3);
    int heads = config.midAttentionHeads;
    long d = c / heads;
    NDList qkv = conv(ps, a.qkv, norm(ps, a.norm, x, training), 1, training).split(3, 1);
    NDArray q = qkv.get(0).reshape(n * heads, d, positions);
    NDArray k = qkv.get(1).reshape(n * heads, d, positions);
    NDArray v = qkv.get(2).reshape(n * heads, d, positions);
    NDArray weights =
        Ops.times(q.transpose(0, 2, 1).matMul(k), (float) (1 / Math.sqrt(d))).softmax(2);
    NDArray out = v.matMul(weights.transpose(0, 2, 1)).reshape(s);
    return x.add(conv(ps, a.proj, out, 1, training));
  }

  private NDArray norm(ParameterStore ps, Norm n, NDArray x, boolean training) {
    return Ops.groupNorm(
        x, config.groups, value(ps, n.gamma, x, training), value(ps, n.beta, x, training));
  }

  private static NDArray conv(ParameterStore ps, Conv c, NDArray x, int stride, boolean training) {
    NDArray y = Ops.conv(x, value(ps, c.weight, x, training), null, stride);
    return y.add(
        value(ps, c.bias, y, training)); // bias is (1, C, 1, 1): broadcast on the activation
  }
}
