package dev.overpaint.models;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Forward timings of the built-in networks; run with -Doverpaint.bench=true
 * -Dtest=ModelTimingsTest.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "overpaint.bench", matches = "true")
class ModelTimingsTest {

  @Test
  void printTimings() {
    try (ModelSet set = ModelRegistry.load(ModelSource.builtin(), DeviceChoice.CPU)) {
      Tensor tiles = BuiltinModelsTest.gaussian(new int[] {16, 3, 64, 64}, 1);
      int[] t = new Random(1).ints(16, 0, 1000).toArray();
      Generator g = set.generator();
      float[] target = set.encoder().encodeText("an ink elevation");
      report("denoiser 16x3x64x64", () -> set.denoiser().predictEps(tiles, t));
      report("generator 1 image 64x64", () -> g.synthesize(g.latentForSeed(1), 0.7f, 1));
      report("generator 16 images 64x64", () -> g.synthesize(batch(g, 16), 0.7f, 1));
      report(
          "encoder sphericalDistance 16x3x64x64",
          () -> set.encoder().sphericalDistance(tiles, target));
      report("encoder encodeImages 16x3x64x64", () -> set.encoder().encodeImages(tiles));
      report(
          "encoder encodeText",
          () -> set.encoder().encodeText("a sepia section of a domed church"));
    }
  }

  private static Tensor batch(Generator g, int n) {
    float[] z = new float[n * g.latentDim()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(g.latentForSeed(i).data(), 0, z, i * g.latentDim(), g.latentDim());
    }
    return new Tensor(new int[] {n, g.latentDim()}, z);
  }

  private static void report(String what, Runnable run) {
    for (int i = 0; i < 3; i++) {
      run.run(); // warm-up
    }
    long[] ms = new long[5];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      run.run();
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    System.out.printf("TIMING %-40s median %d ms (min %d, max %d)%n", what, ms[2], ms[0], ms[4]);
  }
}
