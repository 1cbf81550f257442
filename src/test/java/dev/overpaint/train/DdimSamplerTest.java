package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** η = 1 adds seeded fresh noise at every step; η = 0 stays the deterministic DDIM path. */
class DdimSamplerTest {

  private static final int SIZE = 16;
  private static ModelSet models;

  @BeforeAll
  static void load() {
    models = ModelRegistry.load(ModelSource.builtin(), DeviceChoice.CPU);
  }

  @AfterAll
  static void close() {
    models.close();
  }

  private static List<float[]> sample(double eta, long seed) {
    return DdimSampler.sample(models.denoiser(), 2, SIZE, 4, eta, seed);
  }

  @Test
  void theSameSeedAndEtaGiveTheSamePictures() {
    assertArrayEquals(sample(1.0, 5).get(1), sample(1.0, 5).get(1));
  }

  @Test
  void ancestralStepsDrawFreshNoiseThatDeterministicOnesDoNot() {
    float[] deterministic = sample(0.0, 5).get(0);
    assertFalse(Arrays.equals(deterministic, sample(1.0, 5).get(0)));
    assertFalse(Arrays.equals(sample(1.0, 5).get(0), sample(1.0, 6).get(0)));
  }

  @Test
  void samplesStayInTheDataRange() {
    for (float v : sample(1.0, 7).get(0)) {
      assertTrue(v >= -1.0001f && v <= 1.0001f, "value " + v);
    }
  }
}
