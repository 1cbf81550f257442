package dev.overpaint.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Each analytic gradient against central finite differences of its loss. */
class RegularisersTest {

  private static final int[] SHAPE = {2, 3, 5, 4};

  @Test
  void totalVariationGradient() {
    check(x -> tv(x), (x, g) -> Regularisers.tv(x, SHAPE, 1.0, g), 1.0f);
  }

  @Test
  void rangeGradient() {
    check(x -> range(x), (x, g) -> Regularisers.range(x, SHAPE, 1.0, g), 1.6f);
  }

  @Test
  void initGradient() {
    float[] ref = random(11, 1f);
    check(x -> mse(x, ref), (x, g) -> Regularisers.towards(x, ref, SHAPE, 1.0, g), 1.0f);
  }

  private interface Grad {
    void add(float[] x, float[] g);
  }

  private static void check(ToDoubleFunction<float[]> loss, Grad grad, float spread) {
    float[] x = random(7, spread);
    float[] g = new float[x.length];
    grad.add(x, g);
    for (int i = 0; i < x.length; i += 7) {
      float keep = x[i];
      float h = 1e-3f;
      x[i] = keep + h;
      double up = loss.applyAsDouble(x);
      x[i] = keep - h;
      double down = loss.applyAsDouble(x);
      x[i] = keep;
      assertEquals((up - down) / (2 * h), g[i], 2e-3, "component " + i);
    }
  }

  private static float[] random(long seed, float spread) {
    Random r = new Random(seed);
    float[] x = new float[SHAPE[0] * SHAPE[1] * SHAPE[2] * SHAPE[3]];
    for (int i = 0; i < x.length; i++) {
      x[i] = (r.nextFloat() * 2 - 1) * spread;
    }
    return x;
  }

  /** Disco's tv_loss summed over the batch. */
  private static double tv(float[] x) {
    int h = SHAPE[2];
    int w = SHAPE[3];
    double total = 0;
    for (int n = 0; n < SHAPE[0]; n++) {
      double sum = 0;
      for (int c = 0; c < SHAPE[1]; c++) {
        int o = (n * SHAPE[1] + c) * h * w;
        for (int y = 0; y < h; y++) {
          for (int xx = 0; xx < w; xx++) {
            double right = xx + 1 < w ? x[o + y * w + xx + 1] : x[o + y * w + xx];
            double down = y + 1 < h ? x[o + (y + 1) * w + xx] : x[o + y * w + xx];
            double here = x[o + y * w + xx];
            sum += (right - here) * (right - here) + (down - here) * (down - here);
          }
        }
      }
      total += sum / (SHAPE[1] * h * w);
    }
    return total;
  }

  private static double range(float[] x) {
    double sum = 0;
    for (float v : x) {
      double over = v - Math.max(-1, Math.min(1, v));
      sum += over * over;
    }
    return sum / (x.length / SHAPE[0]);
  }

  private static double mse(float[] x, float[] ref) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (x[i] - ref[i]) * (x[i] - ref[i]);
    }
    return sum / (x.length / SHAPE[0]);
  }
}
