package dev.overpaint.tiles;

/** Resizing of channel-first images, used to upscale the GAN base onto the canvas. */
public final class Resample {

  private Resample() {}

  /**
   * Bilinear resize with half-pixel centres (the align_corners=False convention of PyTorch), so a
   * constant image stays constant and the picture is not shifted.
   */
  public static float[] bilinear(float[] src, int channels, int h, int w, int outH, int outW) {
    float[] out = new float[channels * outH * outW];
    for (int y = 0; y < outH; y++) {
      double sy = Math.max(0, (y + 0.5) * h / outH - 0.5);
      int y0 = Math.min((int) sy, h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      double fy = sy - y0;
      for (int x = 0; x < outW; x++) {
        double sx = Math.max(0, (x + 0.5) * w / outW - 0.5);
        int x0 = Math.min((int) sx, w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double fx = sx - x0;
        for (int c = 0; c < channels; c++) {
          int o = c * h * w;
          double top = src[o + y0 * w + x0] * (1 - fx) + src[o + y0 * w + x1] * fx;
          double bottom = src[o + y1 * w + x0] * (1 - fx) + src[o + y1 * w + x1] * fx;
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
    float[] grad = new float[channels * h * w];
    for (int y = 0; y < outH; y++) {
      double sy = Math.max(0, (y + 0.5) * h / outH - 0.5);
      int y0 = Math.min((int) sy, h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      double fy = sy - y0;
      for (int x = 0; x < outW; x++) {
        double sx = Math.max(0, (x + 0.5) * w / outW - 0.5);
        int x0 = Math.min((int) sx, w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double fx = sx - x0;
        for (int c = 0; c < channels; c++) {
          int o = c * h * w;
          double g = gradOut[(c * outH + y) * outW + x];
          grad[o + y0 * w + x0] += (float) (g * (1 - fx) * (1 - fy));
          grad[o + y0 * w + x1] += (float) (g * fx * (1 - fy));
          grad[o + y1 * w + x0] += (float) (g * (1 - fx) * fy);
          grad[o + y1 * w + x1] += (float) (g * fx * fy);
        }
      }
    }
    return grad;
  }
}
