package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The middle attention, and weights grown into it from a UNet that had none. */
class UNetGrowthTest {

  @TempDir Path tmp;

  @Test
  void grownWeightsComputeWhatTheLegacyNetDid() throws Exception {
    UNetBlock.Config legacyConfig = UNetBlock.Config.defaults().withoutMidAttention();
    Path legacy = tmp.resolve("legacy.params");
    Path grown = tmp.resolve("grown.params");
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      BlockTraining.save(BlockTraining.initialise(new UNetBlock(legacyConfig), m, 5), legacy);
    }
    DenoiserTraining.growLegacy(legacy, grown, 9);
    float[] x = new float[2 * 3 * 16 * 16];
    Random r = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      UNetBlock old = BlockTraining.load(new UNetBlock(legacyConfig), m, legacy);
      UNetBlock big = BlockTraining.load(new UNetBlock(UNetBlock.Config.defaults()), m, grown);
      assertTrue(big.parameterCount() > old.parameterCount());
      float[] before = eps(old, m, x);
      assertArrayEquals(before, eps(big, m, x));
      // Not by accident: the grown middle does act once its zero-started convs move. Frozen
      // first, because libtorch's grad mode is per thread and on by default: in a thread that did
      // not start the engine, an in-place change of a leaf that requires grad is refused.
      big.freeze();
      big.parameter("mid.attn.proj.weight").getArray().addi(m.create(0.05f));
      big.parameter("mid2.conv2.weight").getArray().addi(m.create(0.05f));
      assertFalse(Arrays.equals(before, eps(big, m, x)));
    }
  }

  @Test
  void theMiddleAttentionTrains() throws Exception {
    Random r = new Random(1);
    int[] shape = {2, 3, 16, 16};
    float[] x = new float[2 * 3 * 16 * 16];
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
      y[i] = (float) r.nextGaussian();
    }
    try (DenoiserTraining d =
        DenoiserTraining.create(new DenoiserTraining.Settings(1e-3f, 1, 0.9f), 3)) {
      float[] qkv = d.block.parameter("mid.attn.qkv.weight").getArray().toFloatArray();
      for (int i = 0; i < 3; i++) {
        d.step(
            new Tensor(shape, x), new Tensor(shape, y), new int[] {300, 700}, new float[] {1, 1});
      }
      float[] proj = d.block.parameter("mid.attn.proj.weight").getArray().toFloatArray();
      assertTrue(maxAbs(proj) > 0, "the output projection left zero");
      assertFalse(
          Arrays.equals(qkv, d.block.parameter("mid.attn.qkv.weight").getArray().toFloatArray()),
          "no gradient reached q, k and v");
    }
  }

  @Test
  void weightsSavedBeforeTheAttentionLoadWithoutIt() {
    assertEquals(0, UNetBlock.Config.fromHyper(Map.of("prediction", "v")).midAttentionHeads());
    assertEquals(1, UNetBlock.Config.defaults().midAttentionHeads());
  }

  private static float[] eps(UNetBlock block, NDManager m, float[] x) {
    try (NDManager call = m.newSubManager()) {
      NDList in =
          new NDList(call.create(x, new Shape(2, 3, 16, 16)), call.create(new float[] {250, 900}));
      return block.forward(new ParameterStore(call, false), in, false).head().toFloatArray();
    }
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
