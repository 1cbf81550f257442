package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class OpsTest {

  @Test
  void groupNormNormalisesEachGroup() {
    try (NDManager m = NDManager.newBaseManager()) {
      GroupNormBlock gn = new GroupNormBlock(2, 4);
      gn.initializeAll(m);
      float[] v = BuiltinModelsTest.gaussian(new int[] {2, 4, 3, 3}, 9).data();
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i] * 3 + 5;
      }
      try (NDManager call = m.newSubManager()) {
        NDArray x = call.create(v, new Shape(2, 4, 3, 3));
        float[] y =
            gn.forward(new ParameterStore(call, false), new NDList(x), false)
                .singletonOrThrow()
                .toFloatArray();
        for (int g = 0; g < 4; g++) { // (n, group) pairs: 18 contiguous values each
          double mean = 0;
          double sq = 0;
          for (int i = g * 18; i < (g + 1) * 18; i++) {
            mean += y[i] / 18.0;
            sq += y[i] * y[i] / 18.0;
          }
          assertEquals(0, mean, 1e-4);
          assertEquals(1, sq - mean * mean, 1e-3);
        }
      }
    }
  }

  @Test
  void resizeAveragesIntegerDownscalesAndKeepsOtherSizes() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
      assertArrayEquals(
          new float[] {2.5f, 4.5f, 10.5f, 12.5f}, Ops.resize(x, 2).toFloatArray(), 1e-6f);
      assertEquals(new Shape(1, 1, 3, 3), Ops.resize(x, 3).getShape());
      assertEquals(new Shape(1, 1, 8, 8), Ops.resize(x, 8).getShape());
      assertEquals(new Shape(1, 1, 8, 8), Ops.upsample2x(x).getShape());
    }
  }
}
