package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny StyleGAN2 generator (Karras et al. 2020, "Analyzing and Improving the Image Quality of
 * StyleGAN"): mapping MLP z → w with pixel norm and equalised learning rate, a learned 4×4
 * constant, per-resolution blocks of modulated/demodulated 3×3 convolutions (grouped-conv form)
 * with per-layer noise and learned noise strength, and modulated 1×1 toRGB skip outputs summed
 * across resolutions (the running image doubled by nearest or, hyper-parameter {@code skipUpsample
 * = bilinear}, by bilinear upsampling; manifests without the key mean nearest). {@code w_avg} is
 * stored with the parameters for the truncation trick.
 *
 * <p>Inputs of {@link #forward}: z (n, latentDim) followed by one noise array per layer, shaped as
 * {@link #noiseShapes(int)} says. Option "psi" (Float) truncates w toward w_avg. Output: images (n,
 * 3, resolution, resolution), not clamped.
 */
final class StyleGan2Block extends FlatBlock {

  static final String ARCHITECTURE = "stylegan2-tiny";

  /** Architecture hyper-parameters. */
  record Config(
      int resolution,
      int latentDim,
      int wDim,
      int mappingLayers,
      double mappingLrMul,
      String skipUpsample) {

    /** How the summed toRGB image is doubled between resolutions. */
    static final String NEAREST = "nearest";

    /** Bilinear skips: the smooth upsampling StyleGAN2's FIR filter stands for. */
    static final String BILINEAR = "bilinear";

    static Config defaults(int resolution) {
      return new Config(resolution, 128, 128, 4, 0.01, NEAREST);
    }

    Config withSkipUpsample(String mode) {
      return new Config(resolution, latentDim, wDim, mappingLayers, mappingLrMul, mode);
    }

    static Config fromHyper(Map<String, Object> h) {
      Config d = defaults(64);
      Config c =
          new Config(
              Hyper.intOf(h, "resolution", d.resolution),
              Hyper.intOf(h, "latentDim", d.latentDim),
              Hyper.intOf(h, "wDim", d.wDim),
              Hyper.intOf(h, "mappingLayers", d.mappingLayers),
              Hyper.doubleOf(h, "mappingLrMul", d.mappingLrMul),
              Hyper.stringOf(h, "skipUpsample", NEAREST));
      if (!c.skipUpsample.equals(NEAREST) && !c.skipUpsample.equals(BILINEAR)) {
        throw new ModelLoadException(
            "stylegan2-tiny skipUpsample must be nearest or bilinear, got " + c.skipUpsample);
      }
      if (c.resolution != 32 && c.resolution != 64) {
        throw new ModelLoadException(
            "stylegan2-tiny resolution must be 32 or 64, got " + c.resolution);
      }
      // Widths follow from the resolution; a manifest that records others describes another net.
      Object channels = h.get("channels");
      if (channels != null && !channels.equals(c.channelsByResolution())) {
        throw new ModelLoadException(
            "stylegan2-tiny channels "
                + channels
                + " differ from the widths this code builds, "
                + c.channelsByResolution());
      }
      return c;
    }

    Map<String, Object> toHyper() {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("resolution", resolution);
      h.put("latentDim", latentDim);
      h.put("wDim", wDim);
      h.put("mappingLayers", mappingLayers);
      h.put("mappingLrMul", mappingLrMul);
      h.put("channels", channelsByResolution());
      h.put("skipUpsample", skipUpsample);
      return h;
    }

    Map<String, Integer> channelsByResolution() {
      Map<String, Integer> m = new LinkedHashMap<>();
      for (int r = 4; r <= resolution; r *= 2) {
        m.put(Integer.toString(r), channels(r));
      }
      return m;
    }

    /** Channel width per resolution: wide where it is cheap, narrow at the top resolution. */
    static int channels(int res) {
      return res <= 16 ? 128 : res == 32 ? 64 : 32;
    }
  }

  /** One modulated convolution: its parameters and shape. */
  private record ModConv(
      String name,
      Parameter affineW,
      Parameter affineB,
      Parameter weight,
      Parameter bias,
      Parameter noiseStrength,
      int in,
      int out,
      int k,
      boolean demod,
      boolean upsample) {}

  private final Config config;
  private final List<Parameter> mappingW = new ArrayList<>();
  private final List<Parameter> mappingB = new ArrayList<>();
  private final Parameter constInput;
  private final Parameter wAvg;

  /** Convolution layers in execution order; toRGB layers keyed by their resolution index. */
  private final List<ModConv> convs = new ArrayList<>();

  private final List<ModConv> toRgb = new ArrayList<>();

  StyleGan2Block(Config config) {
    super((byte) 1);
    this.config = config;
    // Equalised learning rate: weights ~ N(0, 1/lrMul), scaled at run time (Karras et al. 2018).
    int in = config.latentDim;
    for (int i = 0; i < config.mappingLayers; i++) {
      mappingW.add(
          param(
              "mapping." + i + ".weight", Ops.normal(1.0 / config.mappingLrMul), config.wDim, in));
      mappingB.add(param("mapping." + i + ".bias", Initializer.ZEROS, config.wDim));
      in = config.wDim;
    }
    wAvg = param("mapping.w_avg", Initializer.ZEROS, config.wDim);
    constInput = param("synthesis.const", Ops.normal(1.0), 1, Config.channels(4), 4, 4);
    int c4 = Config.channels(4);
    convs.add(modConv("synthesis.b4.conv1", c4, c4, 3, true, false, true));
    toRgb.add(modConv("synthesis.b4.torgb", c4, 3, 1, false, false, false));
    for (int r = 8; r <= config.resolution; r *= 2) {
      int cin = Config.channels(r / 2);
      int cout = Config.channels(r);
      convs.add(modConv("synthesis.b" + r + ".conv0", cin, cout, 3, true, true, true));
      convs.add(modConv("synthesis.b" + r + ".conv1", cout, cout, 3, true, false, true));
      toRgb.add(modConv("synthesis.b" + r + ".torgb", cout, 3, 1, false, false, false));
    }
  }

  private ModConv modConv(
      String name, int in, int out, int k, boolean demod, boolean up, boolean noise) {
    // Style bias starts at 1 so an untrained layer's modulation is the identity.
    Parameter aw = param(name + ".affine.weight", Ops.normal(1.0), in, config.wDim);
    Parameter ab = param(name + ".affine.bias", Ops.constant(1f), in);
    Parameter w = param(name + ".weight", Ops.normal(1.0), out, in, k, k);
    Parameter b = param(name + ".bias", Initializer.ZEROS, 1, out, 1, 1);
    // Karras et al. start noise strength at 0; a small value keeps the noise path exercised
    // untrained.
    Parameter ns = noise ? param(name + ".noise_strength", Ops.constant(0.05f), 1) : null;
    return new ModConv(name, aw, ab, w, b, ns, in, out, k, demod, up);
  }

  Config config() {
    return config;
  }

  Parameter wAvgParameter() {
    return wAvg;
  }

  /** Shapes of the noise inputs, one per convolution layer, in execution order. */
  List<Shape> noiseShapes(int n) {
    List<Shape> shapes = new ArrayList<>();
    int res = 4;
    for (ModConv c : convs) {
      if (c.upsample) {
        res *= 2;
      }
      shapes.add(new Shape(n, 1, res, res));
    }
    return shapes;
  }

  @Override
  Shape[] initShapes() {
    List<Shape> shapes = new ArrayList<>();
    shapes.add(new Shape(1, config.latentDim));
    shapes.addAll(noiseShapes(1));
    return shapes.toArray(new Shape[0]);
  }

  @Override
  Shape[] outputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 3, config.resolution, config.resolution)};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    float psi = 1f;
    if (params != null && params.get("psi") != null) {
      psi = ((Number) params.get("psi")).floatValue();
    }
    NDArray w = mapping(ps, inputs.get(0), training);
    if (psi != 1f) {
      w = truncate(ps, w, psi, training);
    }
    return new NDList(synthesis(ps, w, inputs.subNDList(1), training));
  }

  /** z → w: pixel norm, then equalised-LR fully connected layers with leaky ReLU. */
  NDArray mapping(ParameterStore ps, NDArray z, boolean training) {
    NDArray x = z.div(z.square().mean(new int[] {1}, true).add(1e-8f).sqrt());
    int in = config.latentDim;
    float lr = (float) config.mappingLrMul;
    for (int i = 0; i < mappingW.size(); i++) {
      NDArray wt =
          Ops.scaled(x, value(ps, mappingW.get(i), x, training), lr / (float) Math.sqrt(in));
      NDArray b = Ops.scaled(x, value(ps, mappingB.get(i), x, training), lr);
      x = Ops.leakyGain(Linear.linear(x, wt, b).singletonOrThrow());
      in = config.wDim;
    }
    return x;
  }

  /** Truncation trick: w_avg + ψ (w − w_avg). */
  NDArray truncate(ParameterStore ps, NDArray w, float psi, boolean training) {
    NDArray avg = value(ps, wAvg, w, training);
    return Ops.times(w.sub(avg), psi).add(avg);
  }

  /** w → image: constant input, modulated convolutions, summed toRGB skips. */
  NDArray synthesis(ParameterStore ps, NDArray w, NDList noises, boolean training) {
    long n = w.getShape().get(0);
    NDArray cst = value(ps, constInput, w, training);
    NDArray x =
        w.getManager().zeros(new Shape(n, 1, 1, 1)).add(cst); // batch copy in the call scope
    NDArray img = null;
    int layer = 0;
    for (int stage = 0; stage < toRgb.size(); stage++) {
      int convsInStage = stage == 0 ? 1 : 2;
      for (int j = 0; j < convsInStage; j++, layer++) {
        x = styledLayer(ps, convs.get(layer), x, w, noises.get(layer), training);
      }
      NDArray rgb =
          modulatedConv(ps, toRgb.get(stage), x, w, training)
              .add(value(ps, toRgb.get(stage).bias, x, training));
      img =
          img == null
              ? rgb
              : (config.skipUpsample.equals(Config.BILINEAR)
                      ? Ops.upsample2xBilinear(img)
                      : Ops.upsample2x(img))
                  .add(rgb);
    }
    return img;
  }

  /** Modulated conv, noise, bias, leaky ReLU. */
  private NDArray styledLayer(
      ParameterStore ps, ModConv c, NDArray x, NDArray w, NDArray noise, boolean training) {
    if (c.upsample) {
      x = Ops.upsample2x(x);
    }
    NDArray y = modulatedConv(ps, c, x, w, training);
    y = y.add(noise.mul(value(ps, c.noiseStrength, noise, training)));
    return Ops.leakyGain(y.add(value(ps, c.bias, y, training)));
  }

  /**
   * Modulated (and optionally demodulated) convolution as one grouped convolution: the batch is
   * folded into channels and each sample's weight is its own group (Karras et al. 2020, §2.2).
   */
  private NDArray modulatedConv(
      ParameterStore ps, ModConv c, NDArray x, NDArray w, boolean training) {
    Shape s = x.getShape();
    long n = s.get(0);
    // Equalised LR on the affine (1/√wDim) and the conv weight (1/√(in·k·k)).
    NDArray aw =
        Ops.scaled(w, value(ps, c.affineW, w, training), 1f / (float) Math.sqrt(config.wDim));
    NDArray style = Linear.linear(w, aw, value(ps, c.affineB, w, training)).singletonOrThrow();
    float gain = 1f / (float) Math.sqrt((double) c.in * c.k * c.k);
    NDArray weight =
        Ops.times(style, gain).reshape(n, 1, c.in, 1, 1).mul(value(ps, c.weight, style, training));
    if (c.demod) {
      weight = weight.div(weight.square().sum(new int[] {2, 3, 4}, true).add(1e-8f).sqrt());
    }
    long pad = c.k / 2;
    NDArray out =
        Conv2d.conv2d(
                x.reshape(1, n * c.in, s.get(2), s.get(3)),
                weight.reshape(n * c.out, c.in, c.k, c.k),
                null,
                new Shape(1, 1),
                new Shape(pad, pad),
                new Shape(1, 1),
                (int) n)
            .singletonOrThrow();
    return out.reshape(n, c.out, s.get(2), s.get(3));
  }

  /**
   * Sets w_avg to the mean of mapping(z) over {@code samples} latents drawn from {@code
   * java.util.Random(seed)}, as StyleGAN2 tracks it during training.
   */
  void computeWAvg(NDManager parent, int samples, long seed) {
    try (NDManager m = parent.newSubManager()) {
      java.util.Random random = new java.util.Random(seed);
      float[] z = new float[samples * config.latentDim];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) random.nextGaussian();
      }
      ParameterStore ps = new ParameterStore(m, false);
      NDArray zs = m.create(z, new Shape(samples, config.latentDim));
      float[] mean = mapping(ps, zs, false).mean(new int[] {0}).toFloatArray();
      wAvg.getArray().set(mean);
    }
  }
}
