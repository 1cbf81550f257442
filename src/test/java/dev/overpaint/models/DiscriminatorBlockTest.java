package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DiscriminatorBlockTest {

  /** Logits of a fixed batch after a few power-iteration forwards, every weight scaled by k. */
  private static float[] logitsWithWeightsScaled(boolean spectralNorm, float k) {
    Engine.getInstance().setRandomSeed(3);
    try (NDManager m = NDManager.newBaseManager()) {
      DiscriminatorBlock d =
          new DiscriminatorBlock(
              DiscriminatorBlock.Config.defaults(16).withSpectralNorm(spectralNorm));
      d.initializeAll(m);
      d.freeze(); // no autograd here, and in-place scaling of a leaf that requires grad is refused
      for (Parameter p : d.trainable()) {
        if (p.getName().endsWith(".weight")) {
          p.getArray().muli(k);
        }
      }
      NDArray x = Scoped.in(m, BuiltinModelsTest.gaussian(new int[] {4, 3, 16, 16}, 9));
      ParameterStore ps = new ParameterStore(m, false);
      for (int i = 0; i < 30; i++) {
        d.logits(ps, x, true);
      }
      return d.logits(ps, x, false).toFloatArray();
    }
  }

  @Test
  void spectralNormalisationMakesTheLogitsBlindToTheWeightsScale() {
    float[] once = logitsWithWeightsScaled(true, 1f);
    float[] tenfold = logitsWithWeightsScaled(true, 10f);
    for (int i = 0; i < once.length; i++) {
      assertTrue(
          Math.abs(once[i] - tenfold[i]) < 1e-3f * (1 + Math.abs(once[i])),
          Arrays.toString(once) + " vs " + Arrays.toString(tenfold));
    }
    float[] plain = logitsWithWeightsScaled(false, 1f);
    float[] plainTenfold = logitsWithWeightsScaled(false, 10f);
    assertFalse(Arrays.equals(plain, plainTenfold), "without it the scale shows");
  }

  @Test
  void onlyTheWeightsAndBiasesAreTrainable() {
    try (NDManager m = NDManager.newBaseManager()) {
      DiscriminatorBlock d =
          new DiscriminatorBlock(DiscriminatorBlock.Config.defaults(16).withSpectralNorm(true));
      d.initializeAll(m);
      long vectors =
          d.getParameters().values().stream().filter(p -> p.getName().endsWith(".sn_u")).count();
      assertTrue(vectors > 0);
      assertEquals(d.getParameters().size() - vectors, d.trainable().size());
    }
  }
}
