package dev.overpaint.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.Tensor;
import dev.overpaint.tiles.FusionWeights;
import dev.overpaint.tiles.TileFusion;
import dev.overpaint.tiles.TileGeometry;
import dev.overpaint.tiles.WindowShape;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guidance gradient, on the built-in CLIP, moves the tiles toward the prompt. */
class ClipGuidanceTest {

  private static ModelSet models;

  @BeforeAll
  static void load() {
    models = ModelRegistry.load(dev.overpaint.models.ModelSource.builtin(), DeviceChoice.CPU);
  }

  @AfterAll
  static void close() {
    models.close();
  }

  @Test
  void aStepAlongTheGuidanceLowersTheClipLossAndKeepsItsRmsClamped() {
    TileGeometry g = TileGeometry.square(2, 32, 8);
    int[] shape = {4, 3, 32, 32};
    float[] tiles = new float[4 * 3 * 32 * 32];
    Random r = new Random(1);
    for (int i = 0; i < tiles.length; i++) {
      tiles[i] = r.nextFloat() * 2 - 1;
    }
    float[] target = models.encoder().encodeText("a blueprint of a domed tower");
    GuidanceSettings s = new GuidanceSettings(1000, 2, 1.0, 0.0, 0, 0, 0, 0.05);
    FusionWeights layout = FusionWeights.of(g, WindowShape.COSINE);
    ClipGuidance guidance =
        new ClipGuidance(models.encoder(), target, s, TileFusion.fuse(tiles, 3, layout), 3);
    // ᾱ = 1: x_in is x̂0 itself.
    float[] grad = guidance.gradient(tiles, tiles, shape, 0, 1.0, layout);

    double rms = 0;
    for (float v : grad) {
      rms += v * v;
    }
    assertEquals(0.05, Math.sqrt(rms / grad.length), 1e-4, "clamped to clampRms");
    double before = loss(tiles, shape, target);
    float[] moved = tiles.clone();
    for (int i = 0; i < moved.length; i++) {
      moved[i] += 2f * grad[i];
    }
    assertTrue(loss(moved, shape, target) < before, "the prompt got closer");
  }

  private static double loss(float[] tiles, int[] shape, float[] target) {
    float[] l = models.encoder().sphericalDistance(new Tensor(shape, tiles), target).loss();
    double sum = 0;
    for (float v : l) {
      sum += v;
    }
    return sum;
  }
}
