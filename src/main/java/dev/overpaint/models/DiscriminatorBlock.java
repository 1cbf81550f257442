package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The residual discriminator of StyleGAN2 (Karras et al. 2020, "Analyzing and Improving the Image
 * Quality of StyleGAN", config E/F "resnet D"), shrunk for CPU training: a 1×1 fromRGB, one
 * residual block per resolution (two 3×3 convolutions with leaky ReLU, 2× average-pool
 * downsampling, a 1×1 skip, the sum scaled by 1/√2), then at 4×4 a minibatch standard-deviation
 * feature (Karras et al. 2018), a 3×3 convolution and two fully connected layers to one logit.
 * Every weight uses the equalised learning rate (N(0, 1) storage, scaled by 1/√fan-in at run time),
 * or, with {@link Config#spectralNorm}, spectral normalisation instead (Miyato et al. 2018,
 * "Spectral Normalization for Generative Adversarial Networks", algorithm 1): W / σ(W), with σ from
 * one power iteration per training forward on a persistent vector u, kept as a frozen parameter
 * named {@code <weight>.sn_u} so that checkpoints carry it.
 *
 * <p>Input of {@link #forward}: images (n, 3, resolution, resolution) in [-1, 1]. Output: logits
 * (n, 1).
 */
final class DiscriminatorBlock extends FlatBlock {

  static final String ARCHITECTURE = "stylegan2-resnet-d-tiny";

  /** Name suffix of the power iteration's vectors. */
  private static final String POWER_VECTOR = ".sn_u";

  /** Architecture hyper-parameters. */
  record Config(int resolution, int mbstdGroup, boolean spectralNorm) {

    static Config defaults(int resolution) {
      return new Config(resolution, 4, false);
    }

    Config withSpectralNorm(boolean on) {
      return new Config(resolution, mbstdGroup, on);
    }

    /** Width per resolution: narrow where pixels are many, 128 from 8×8 down. */
    static int channels(int res) {
      return res >= 64 ? 16 : res == 32 ? 32 : res == 16 ? 64 : 128;
    }

    Map<String, Object> toHyper() {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("resolution", resolution);
      h.put("mbstdGroup", mbstdGroup);
      h.put("spectralNorm", spectralNorm);
      Map<String, Integer> c = new LinkedHashMap<>();
      for (int r = resolution; r >= 4; r /= 2) {
        c.put(Integer.toString(r), channels(r));
      }
      h.put("channels", c);
      return h;
    }
  }

  /** A weight with its equalised-LR gain and, under spectral normalisation, its vector u. */
  private record Weight(Parameter value, Parameter u, float gain) {}

  private record Conv(Weight weight, Parameter bias) {}

  private record Res(Conv conv0, Conv conv1, Conv skip) {}

  private final Config config;
  private final Conv fromRgb;
  private final List<Res> blocks = new ArrayList<>();
  private final Conv epilogueConv;
  private final Weight fcW;
  private final Parameter fcB;
  private final Weight outW;
  private final Parameter outB;

  DiscriminatorBlock(Config config) {
    super((byte) 1);
    this.config = config;
    int r0 = config.resolution;
    fromRgb = conv("d.fromrgb", 3, Config.channels(r0), 1, true);
    for (int r = r0; r > 4; r /= 2) {
      int cin = Config.channels(r);
      int cout = Config.channels(r / 2);
      blocks.add(
          new Res(
              conv("d.b" + r + ".conv0", cin, cin, 3, true),
              conv("d.b" + r + ".conv1", cin, cout, 3, true),
              conv("d.b" + r + ".skip", cin, cout, 1, false)));
    }
    int c4 = Config.channels(4);
    epilogueConv = conv("d.b4.conv", c4 + 1, c4, 3, true);
    fcW = weight("d.b4.fc.weight", c4, c4 * 16);
    fcB = param("d.b4.fc.bias", Initializer.ZEROS, c4);
    outW = weight("d.b4.out.weight", 1, c4);
    outB = param("d.b4.out.bias", Initializer.ZEROS, 1);
  }

  private Conv conv(String name, int in, int out, int k, boolean bias) {
    Weight w = weight(name + ".weight", out, in, k, k);
    Parameter b = bias ? param(name + ".bias", Initializer.ZEROS, out) : null;
    return new Conv(w, b);
  }

  private Weight weight(String name, long out, long... fanIn) {
    long[] shape = new long[fanIn.length + 1];
    shape[0] = out;
    long n = 1;
    for (int i = 0; i < fanIn.length; i++) {
      shape[i + 1] = fanIn[i];
      n *= fanIn[i];
    }
    Parameter w = param(name, Ops.normal(1.0), shape);
    Parameter u = config.spectralNorm ? param(name + POWER_VECTOR, Ops.normal(1.0), out) : null;
    return new Weight(w, u, 1f / (float) Math.sqrt(n));
  }

  /** The parameters an optimiser updates: all but the power iteration's vectors. */
  List<Parameter> trainable() {
    return getParameters().values().stream().filter(p -> !isPowerVector(p)).toList();
  }

  /** Allocates the parameters; the power iteration's vectors never take gradients. */
  @Override
  void initializeAll(NDManager manager) {
    super.initializeAll(manager);
    getParameters().values().stream()
        .filter(DiscriminatorBlock::isPowerVector)
        .forEach(p -> p.freeze(true));
  }

  private static boolean isPowerVector(Parameter p) {
    return p.getName().endsWith(POWER_VECTOR);
  }

  Config config() {
    return config;
  }

  @Override
  Shape[] initShapes() {
    return new Shape[] {new Shape(1, 3, config.resolution, config.resolution)};
  }

  @Override
  Shape[] outputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(logits(ps, inputs.singletonOrThrow(), training));
  }

  /** Images (n, 3, r, r) → logits (n, 1). */
  NDArray logits(ParameterStore ps, NDArray img, boolean training) {
    float invSqrt2 = (float) (1 / Math.sqrt(2));
    NDArray x = Ops.leakyGain(apply(ps, fromRgb, img, training));
    for (Res b : blocks) {
      NDArray skip = apply(ps, b.skip, downsample(x), training);
      NDArray y = Ops.leakyGain(apply(ps, b.conv0, x, training));
      y = downsample(Ops.leakyGain(apply(ps, b.conv1, y, training)));
      x = Ops.times(y.add(skip), invSqrt2);
    }
    x = minibatchStddev(x);
    x = Ops.leakyGain(apply(ps, epilogueConv, x, training));
    x = x.reshape(x.getShape().get(0), -1);
    NDArray w1 = weightValue(ps, fcW, x, training);
    x = Ops.leakyGain(Linear.linear(x, w1, value(ps, fcB, x, training)).singletonOrThrow());
    NDArray w2 = weightValue(ps, outW, x, training);
    return Linear.linear(x, w2, value(ps, outB, x, training)).singletonOrThrow();
  }

  /** Convolution with same padding. */
  private static NDArray apply(ParameterStore ps, Conv c, NDArray x, boolean training) {
    NDArray w = weightValue(ps, c.weight, x, training);
    NDArray b = c.bias == null ? null : value(ps, c.bias, x, training);
    return Ops.conv(x, w, b, 1);
  }

  private static NDArray weightValue(ParameterStore ps, Weight w, NDArray x, boolean training) {
    NDArray value = value(ps, w.value, x, training);
    return w.u == null
        ? Ops.scaled(x, value, w.gain)
        : spectrallyNormalised(value, value(ps, w.u, x, training), x, training);
  }

  /**
   * W / σ(W) with σ ≈ uᵀWv after one power iteration (v = Wᵀu/‖Wᵀu‖, u = Wv/‖Wv‖) on W viewed as
   * (out, fan-in). u and v carry no gradient, σ does, as in Miyato et al.; a training forward
   * stores the new u.
   */
  private static NDArray spectrallyNormalised(
      NDArray w, NDArray u, NDArray like, boolean training) {
    NDArray mat = w.reshape(w.getShape().get(0), -1);
    NDArray frozen = mat.stopGradient();
    NDArray v = unit(frozen.transpose().matMul(u.reshape(-1, 1)), like);
    NDArray uNext = unit(frozen.matMul(v), like);
    if (training) {
      uNext.reshape(u.getShape()).copyTo(u);
    }
    NDArray sigma = uNext.transpose().matMul(mat.matMul(v)).reshape(new Shape());
    return w.div(sigma);
  }

  private static NDArray unit(NDArray a, NDArray like) {
    return a.div(a.norm().add(Ops.constant(like, 1e-12f)));
  }

  private static NDArray downsample(NDArray x) {
    Shape k = new Shape(2, 2);
    return x.getNDArrayInternal().avgPool(k, k, new Shape(0, 0), false, true);
  }

  /**
   * Appends one feature map: the standard deviation of each feature over groups of samples,
   * averaged over features and pixels (Karras et al. 2018, §3).
   */
  private NDArray minibatchStddev(NDArray x) {
    Shape s = x.getShape();
    long n = s.get(0);
    long g = Math.min(config.mbstdGroup, n);
    if (n % g != 0) {
      g = 1;
    }
    if (g == 1) {
      return x.concat(x.getManager().zeros(new Shape(n, 1, s.get(2), s.get(3))), 1);
    }
    NDArray y = x.reshape(g, n / g, s.get(1), s.get(2), s.get(3));
    y = y.sub(y.mean(new int[] {0}, true));
    y = y.square().mean(new int[] {0}).add(1e-8f).sqrt(); // (n/g, c, h, w)
    y = Ops.over(y.sum(new int[] {1, 2, 3}, true), (float) (s.get(1) * s.get(2) * s.get(3)));
    y =
        y.tile(
            new long[] {g, 1, s.get(2), s.get(3)}); // (n, 1, h, w), sample i uses group i % (n/g)
    return x.concat(y, 1);
  }
}
