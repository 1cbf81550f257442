package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
 * Every weight uses the equalised learning rate (N(0, 1) storage, scaled by 1/√fan-in at run time).
 *
 * <p>Input of {@link #forward}: images (n, 3, resolution, resolution) in [-1, 1]. Output: logits
 * (n, 1).
 */
final class DiscriminatorBlock extends FlatBlock {

  static final String ARCHITECTURE = "stylegan2-resnet-d-tiny";

  /** Architecture hyper-parameters. */
  record Config(int resolution, int mbstdGroup) {

    static Config defaults(int resolution) {
      return new Config(resolution, 4);
    }

    /** Width per resolution: narrow where pixels are many, 128 from 8×8 down. */
    static int channels(int res) {
      return res >= 64 ? 16 : res == 32 ? 32 : res == 16 ? 64 : 128;
    }

    Map<String, Object> toHyper() {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("resolution", resolution);
      h.put("mbstdGroup", mbstdGroup);
      Map<String, Integer> c = new LinkedHashMap<>();
      for (int r = resolution; r >= 4; r /= 2) {
        c.put(Integer.toString(r), channels(r));
      }
      h.put("channels", c);
      return h;
    }
  }

  private record Conv(Parameter weight, Parameter bias, int in, int k) {}

  private record Res(Conv conv0, Conv conv1, Conv skip) {}

  private final Config config;
  private final Conv fromRgb;
  private final List<Res> blocks = new ArrayList<>();
  private final Conv epilogueConv;
  private final Parameter fcW;
  private final Parameter fcB;
  private final Parameter outW;
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
    fcW = param("d.b4.fc.weight", Ops.normal(1.0), c4, (long) c4 * 16);
    fcB = param("d.b4.fc.bias", Initializer.ZEROS, c4);
    outW = param("d.b4.out.weight", Ops.normal(1.0), 1, c4);
    outB = param("d.b4.out.bias", Initializer.ZEROS, 1);
  }

  private Conv conv(String name, int in, int out, int k, boolean bias) {
    Parameter w = param(name + ".weight", Ops.normal(1.0), out, in, k, k);
    Parameter b = bias ? param(name + ".bias", Initializer.ZEROS, out) : null;
    return new Conv(w, b, in, k);
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
    int c4 = Config.channels(4);
    NDArray w1 = Ops.scaled(x, value(ps, fcW, x, training), 1f / (float) Math.sqrt(c4 * 16.0));
    x = Ops.leakyGain(Linear.linear(x, w1, value(ps, fcB, x, training)).singletonOrThrow());
    NDArray w2 = Ops.scaled(x, value(ps, outW, x, training), 1f / (float) Math.sqrt(c4));
    return Linear.linear(x, w2, value(ps, outB, x, training)).singletonOrThrow();
  }

  /** Equalised-LR convolution with same padding. */
  private static NDArray apply(ParameterStore ps, Conv c, NDArray x, boolean training) {
    float gain = 1f / (float) Math.sqrt((double) c.in * c.k * c.k);
    NDArray w = Ops.scaled(x, value(ps, c.weight, x, training), gain);
    NDArray b = c.bias == null ? null : value(ps, c.bias, x, training);
    return Ops.conv(x, w, b, 1);
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
