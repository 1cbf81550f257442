package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
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

  /**
   * A garbage collection between forward and backward must not change a gradient. DJL's scalar ops
   * wrap the number in a Java direct buffer that dies at once while autograd still holds it; with
   * them (e.g. {@code Activation.swish(x, 1f)} for SiLU) the backward read the junk written below
   * and this test failed.
   */
  @Test
  void scalarOperandsSurviveAGarbageCollectionBeforeTheBackward() throws Exception {
    float[] v = {-2f, -0.5f, 0f, 0.7f, 3f};
    assertArrayEquals(siluSlope(v), gradientAfterGc(v, Ops::silu), 1e-5f);
    float[] twice = {2f, 2f, 2f, 2f, 2f};
    assertArrayEquals(twice, gradientAfterGc(v, x -> Ops.times(x, 2f)), 1e-6f);
    float[] half = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
    assertArrayEquals(half, gradientAfterGc(v, x -> Ops.over(x, 2f)), 1e-6f);
  }

  private static float[] siluSlope(float[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      double s = 1 / (1 + Math.exp(-v[i]));
      out[i] = (float) (s * (1 + v[i] * (1 - s)));
    }
    return out;
  }

  private static float[] gradientAfterGc(float[] v, UnaryOperator<NDArray> f) throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(v, new Shape(v.length));
      x.setRequiresGradient(true);
      try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
        NDArray y = f.apply(x).sum();
        collectAndOverwriteFreedBuffers();
        c.backward(y);
      }
      return x.getGradient().toFloatArray();
    }
  }

  /**
   * Runs a GC, waits for the cleaner to free unreachable direct buffers, then reuses the memory.
   */
  private static void collectAndOverwriteFreedBuffers() throws InterruptedException {
    WeakReference<Object> sentinel = new WeakReference<>(new Object());
    for (int i = 0; i < 20 && sentinel.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    Thread.sleep(100);
    List<ByteBuffer> junk = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      junk.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1e6f));
    }
    assertEquals(20_000, junk.size());
  }
}
