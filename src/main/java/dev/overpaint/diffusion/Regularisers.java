package dev.overpaint.diffusion;

/**
 * Gradients of Disco Diffusion's regularising losses, each a per-image mean summed over the batch
 * and multiplied by its scale; every method adds ∂loss/∂x into {@code grad}.
 */
final class Regularisers {

  private Regularisers() {}

  /** Total variation with replicate padding: mean of (x[y, x+1] − x)² + (x[y+1, x] − x)². */
  static void tv(float[] x, int[] shape, double scale, float[] grad) {
    if (scale == 0) {
      return;
    }
    int h = shape[2];
    int w = shape[3];
    double k = 2 * scale / ((double) shape[1] * h * w);
    for (int plane = 0; plane < shape[0] * shape[1]; plane++) {
      int o = plane * h * w;
      for (int y = 0; y < h; y++) {
        for (int xx = 0; xx < w; xx++) {
          int p = o + y * w + xx;
          if (xx + 1 < w) {
            double d = x[p + 1] - x[p];
            grad[p] -= (float) (k * d);
            grad[p + 1] += (float) (k * d);
          }
          if (y + 1 < h) {
            double d = x[p + w] - x[p];
            grad[p] -= (float) (k * d);
            grad[p + w] += (float) (k * d);
          }
        }
      }
    }
  }

  /** Range loss: mean of (x − clamp(x, −1, 1))². */
  static void range(float[] x, int[] shape, double scale, float[] grad) {
    if (scale == 0) {
      return;
    }
    double k = 2 * scale / ((double) x.length / shape[0]);
    for (int i = 0; i < x.length; i++) {
      float over = x[i] - Math.max(-1f, Math.min(1f, x[i]));
      grad[i] += (float) (k * over);
    }
  }

  /** Mean squared distance to a reference image of the same shape. */
  static void towards(float[] x, float[] reference, int[] shape, double scale, float[] grad) {
    if (scale == 0) {
      return;
    }
    double k = 2 * scale / ((double) x.length / shape[0]);
    for (int i = 0; i < x.length; i++) {
      grad[i] += (float) (k * (x[i] - reference[i]));
    }
  }
}
