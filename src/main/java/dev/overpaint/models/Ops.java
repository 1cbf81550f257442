package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.Initializer;

/**
 * The tensor operations the networks share. Every op here is called on the per-call activation,
 * never on a parameter, so that results belong to the caller's scoped NDManager (pitfall 1 in
 * shared/notes/djl-on-cpu.md).
 */
final class Ops {

  private static final float SQRT2 = (float) Math.sqrt(2.0);

  private Ops() {}

  /** {@code s · param} computed in the manager of {@code like}: scales a weight per call. */
  static NDArray scaled(NDArray like, NDArray param, float s) {
    return constant(like, s).mul(param);
  }

  /**
   * A scalar that libtorch owns, in the call scope of {@code like}. Every scalar operand on a path
   * that autograd differentiates must be one of these: DJL's {@code mul(Number)} and {@code
   * div(Number)} (and its {@code Activation.swish}, which calls {@code mul(β)}) wrap the number in
   * a tensor over a Java direct buffer and close it at once. Autograd keeps that tensor for the
   * backward, and once the garbage collector has freed the buffer the backward reads whatever lies
   * there: measured on the UNet, gradients of 10⁸ where the replayed batch gives 10⁻⁵, now and then
   * NaN, and runs that did not repeat (docs/training.md, "Determinism").
   */
  static NDArray constant(NDArray like, float s) {
    return like.getManager().full(new Shape(), s);
  }

  /** {@code x · s}, safe to differentiate (see {@link #constant}). */
  static NDArray times(NDArray x, float s) {
    return x.mul(constant(x, s));
  }

  /** {@code x / s}, safe to differentiate (see {@link #constant}). */
  static NDArray over(NDArray x, float s) {
    return x.div(constant(x, s));
  }

  /** Leaky ReLU 0.2 with the √2 gain StyleGAN2 uses to keep activations at unit variance. */
  static NDArray leakyGain(NDArray x) {
    return times(Activation.leakyRelu(x, 0.2f), SQRT2);
  }

  /** SiLU, x·σ(x) (swish with β = 1): the activation of the DDPM UNet and of the tiny CLIP. */
  static NDArray silu(NDArray x) {
    return x.mul(Activation.sigmoid(x));
  }

  /** Plain conv with same padding for odd kernels. */
  static NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride) {
    long k = weight.getShape().get(2);
    long pad = k / 2;
    return Conv2d.conv2d(
            x, weight, bias, new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1), 1)
        .singletonOrThrow();
  }

  /**
   * Group normalisation (Wu &amp; He 2018): the fused layerNorm over (N, G, C/G·H·W), then a
   * per-channel affine with gamma/beta shaped (1, C, 1, 1), added on the activation side.
   */
  static NDArray groupNorm(NDArray x, int groups, NDArray gamma, NDArray beta) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long per = s.size() / (n * groups);
    NDManager m = x.getManager();
    // layerNorm needs an affine of the normalised shape; identity constants live in the call scope
    NDArray ones = m.ones(new Shape(per));
    NDArray zeros = m.zeros(new Shape(per));
    NDArray normed =
        LayerNorm.layerNorm(x.reshape(n, groups, per), new Shape(per), ones, zeros, 1e-5f)
            .singletonOrThrow()
            .reshape(s);
    return normed.mul(gamma).add(beta);
  }

  /** 2× nearest-neighbour upsampling (differentiable: upsample_nearest2d has a backward). */
  static NDArray upsample2x(NDArray x) {
    Shape s = x.getShape();
    return x.getNDArrayInternal().interpolation(new long[] {s.get(2) * 2, s.get(3) * 2}, 0, false);
  }

  /** 2× bilinear upsampling (align_corners false; differentiable). */
  static NDArray upsample2xBilinear(NDArray x) {
    Shape s = x.getShape();
    return x.getNDArrayInternal().interpolation(new long[] {s.get(2) * 2, s.get(3) * 2}, 1, false);
  }

  /**
   * Resizes images to size×size inside the graph: average pooling for integer downscales, area
   * (adaptive average) for other downscales, bilinear for upscales. All are differentiable.
   */
  static NDArray resize(NDArray x, int size) {
    Shape s = x.getShape();
    long h = s.get(2);
    long w = s.get(3);
    if (h == size && w == size) {
      return x;
    }
    if (h % size == 0 && w % size == 0) {
      Shape k = new Shape(h / size, w / size);
      return x.getNDArrayInternal().avgPool(k, k, new Shape(0, 0), false, true);
    }
    int mode = (h >= size && w >= size) ? 2 : 1; // 2 = area, 1 = bilinear (PtNDArrayEx codes)
    return x.getNDArrayInternal().interpolation(new long[] {size, size}, mode, false);
  }

  /** N(0, std²) initialiser drawn from the engine generator (seeded by Engine.setRandomSeed). */
  static Initializer normal(double std) {
    return (m, shape, type) -> m.randomNormal(0f, (float) std, shape, DataType.FLOAT32);
  }

  /** Constant initialiser. */
  static Initializer constant(float value) {
    return (m, shape, type) -> m.full(shape, value, DataType.FLOAT32);
  }

  /**
   * The global L2 norm of a set of arrays, such as all of a model's gradients; it is not finite
   * when any element is not, which is how the trainers spot an update to skip.
   */
  static double globalNorm(java.util.List<NDArray> arrays) {
    double sq = 0;
    for (NDArray a : arrays) {
      try (NDArray square = a.square();
          NDArray sum = square.sum()) {
        sq += sum.getFloat();
      }
    }
    return Math.sqrt(sq);
  }
}
