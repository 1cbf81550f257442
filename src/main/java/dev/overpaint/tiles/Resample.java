package dev.overpaint.tiles;

/** Resizing of channel-first images, used to upscale the GAN base and to cut CLIP inputs. */
public final class Resample {

  private Resample() {}

  /**
   * The two source taps and the weight of the second for each output coordinate of one axis, with
   * half-pixel centres (PyTorch's align_corners=False), clamped at the edges.
   */
  private record Axis(int[] lo, int[] hi, double[] frac) {
    static Axis of(int in, int out) {
      int[] lo = new int[out];
      int[] hi = new int[out];
      double[] frac = new double[out];
      for (int o = 0; o < out; o++) {
        double s = Math.max(0, (o + 0.5) * in / out - 0.5);
        lo[o] = Math.min((int) s, in - 1);
        hi[o] = Math.min(lo[o] + 1, in - 1);
        frac[o] = s - lo[o];
      }
      return new Axis(lo, hi, frac);
    }
  }

  /** Bilinear resize: a constant image stays constant and the picture is not shifted. */
  public static float[] bilinear(float[] src, int channels, int h, int w, int outH, int outW) {
    Axis ay = Axis.of(h, outH);
    Axis ax = Axis.of(w, outW);
    float[] out = new float[channels * outH * outW];
    for (int c = 0; c < channels; c++) {
      int o = c * h * w;
      for (int y = 0; y < outH; y++) {
        double fy = ay.frac[y];
        int r0 = o + ay.lo[y] * w;
        int r1 = o + ay.hi[y] * w;
        for (int x = 0; x < outW; x++) {
          double fx = ax.frac[x];
          double top = src[r0 + ax.lo[x]] * (1 - fx) + src[r0 + ax.hi[x]] * fx;
          double bottom = src[r1 + ax.lo[x]] * (1 - fx) + src[r1 + ax.hi[x]] * fx;
          out[(c * outH + y) * outW + x] = (float) (top * (1 - fy) + bottom * fy);
        }
      }
    }
    return out;
  }

  /**
   * The adjoint of {@link #bilinear}: given ∂L/∂out, returns ∂L/∂src, so gradients computed on a
   * resized image (a CLIP cutout) flow back to the pixels it was sampled from.
   */
  public static float[] bilinearAdjoint(
      float[] gradOut, int channels, int h, int w, int outH, int outW) {
    Axis ay = Axis.of(h, outH);
    Axis ax = Axis.of(w, outW);
    float[] grad = new float[channels * h * w];
    for (int c = 0; c < channels; c++) {
      int o = c * h * w;
      for (int y = 0; y < outH; y++) {
        double fy = ay.frac[y];
        int r0 = o + ay.lo[y] * w;
        int r1 = o + ay.hi[y] * w;
        for (int x = 0; x < outW; x++) {
          double fx = ax.frac[x];
          double g = gradOut[(c * outH + y) * outW + x];
          grad[r0 + ax.lo[x]] += (float) (g * (1 - fx) * (1 - fy));
          grad[r0 + ax.hi[x]] += (float) (g * fx * (1 - fy));
          grad[r1 + ax.lo[x]] += (float) (g * (1 - fx) * fy);
          grad[r1 + ax.hi[x]] += (float) (g * fx * fy);
        }
      }
    }
    return grad;
  }
}
