package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.models.GanTraining.Losses;
import dev.overpaint.models.GanTraining.Stabiliser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GanTrainingTest {

  private static GanTraining.Config tiny(Stabiliser s) {
    return GanTraining.Config.defaults(32, s, 7).withBatch(2).withR1(1f, 2);
  }

  private static List<Losses> run(GanTraining.Config c, int steps) {
    List<Losses> out = new ArrayList<>();
    try (GanTraining gan = new GanTraining(c)) {
      for (int i = 0; i < steps; i++) {
        out.add(gan.step(BuiltinModelsTest.gaussian(new int[] {2, 3, 32, 32}, 100 + i)));
      }
    }
    return out;
  }

  @Test
  void aFixedSeedReproducesTheLossesWithLazyR1() {
    List<Losses> a = run(tiny(Stabiliser.R1), 100);
    List<Losses> b = run(tiny(Stabiliser.R1), 100);
    assertEquals(a, b);
    assertFalse(Float.isNaN(a.get(0).r1()), "R1 runs on step 0 with interval 2");
    assertTrue(Float.isNaN(a.get(1).r1()));
    assertTrue(a.get(0).r1() > 0);
    for (Losses l : a) {
      assertTrue(Float.isFinite(l.dLoss()) && Float.isFinite(l.gLoss()), l.toString());
    }
  }

  @Test
  void aFixedSeedReproducesTheLossesWithDiffAugment() {
    assertEquals(run(tiny(Stabiliser.DIFFAUGMENT), 2), run(tiny(Stabiliser.DIFFAUGMENT), 2));
  }

  @Test
  void instanceNoiseIsSeededAndChangesWhatTheDiscriminatorSees() {
    List<Losses> noisy = run(tiny(Stabiliser.INSTANCE_NOISE), 2);
    assertEquals(noisy, run(tiny(Stabiliser.INSTANCE_NOISE), 2));
    assertNotEquals(run(tiny(Stabiliser.NONE), 2).get(0).dReal(), noisy.get(0).dReal());
  }

  @Test
  void checkpointResumesAndTheGeneratorExportsAsAWeightSet(@TempDir Path dir) throws Exception {
    GanTraining.Config c = tiny(Stabiliser.NONE);
    Tensor z = BuiltinModelsTest.gaussian(new int[] {2, 128}, 5);
    Tensor before;
    try (GanTraining gan = new GanTraining(c)) {
      gan.step(BuiltinModelsTest.gaussian(new int[] {2, 3, 32, 32}, 1));
      gan.saveCheckpoint(dir.resolve("ckpt"));
      before = gan.sample(z, 0.7f, 3);
      gan.writeGenerator(dir.resolve("model"), Map.of("steps", 1), Map.of());
    }
    try (GanTraining gan = new GanTraining(c.withBatch(2))) {
      gan.loadCheckpoint(dir.resolve("ckpt"), 1);
      assertEquals(1, gan.steps());
      assertEquals(before, gan.sample(z, 0.7f, 3));
      gan.step(BuiltinModelsTest.gaussian(new int[] {2, 3, 32, 32}, 2));
    }
    try (ModelSet set =
        ModelRegistry.load(ModelSource.directory(dir.resolve("model")), DeviceChoice.CPU)) {
      assertEquals(32, set.generator().resolution());
      assertTrue(set.judge().isPresent(), "the candidate set is the whole built-in set");
    }
    String manifest = Files.readString(dir.resolve("model/manifest.json"));
    assertTrue(manifest.contains("\"resolution\" : 32"), manifest);
  }

  /**
   * With its Adam moments (and, under spectral normalisation, the power iteration's vectors)
   * checkpointed, a resumed run takes the steps the unbroken run takes.
   */
  @ParameterizedTest
  @EnumSource(
      value = Stabiliser.class,
      names = {"R1", "SPECTRAL_NORM"})
  void aResumedRunRepeatsTheUnbrokenOne(Stabiliser stabiliser, @TempDir Path dir) throws Exception {
    GanTraining.Config c = tiny(stabiliser);
    List<Losses> unbroken = run(c, 4);
    List<Losses> resumed = new ArrayList<>();
    try (GanTraining gan = new GanTraining(c)) {
      for (int i = 0; i < 2; i++) {
        resumed.add(gan.step(BuiltinModelsTest.gaussian(new int[] {2, 3, 32, 32}, 100 + i)));
      }
      gan.saveCheckpoint(dir.resolve("ckpt"));
    }
    try (GanTraining gan = new GanTraining(c)) {
      assertTrue(gan.loadCheckpoint(dir.resolve("ckpt"), 2));
      for (int i = 2; i < 4; i++) {
        resumed.add(gan.step(BuiltinModelsTest.gaussian(new int[] {2, 3, 32, 32}, 100 + i)));
      }
    }
    assertEquals(unbroken, resumed);
  }
}
