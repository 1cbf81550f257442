package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed built-in set, loaded through the real loader. */
class BuiltinModelsTest {

  private static ModelSet models;

  @BeforeAll
  static void load() {
    models = ModelRegistry.load(ModelSource.builtin(), DeviceChoice.CPU);
  }

  @AfterAll
  static void close() {
    models.close();
  }

  @Test
  void builtinSetDescribesItself() {
    assertEquals("cpu", models.deviceName());
    for (ModelInfo info : models.infos()) {
      assertTrue(info.parameters() > 100_000, info.toString());
      assertEquals(64, info.sha256().length(), info.toString());
    }
    assertEquals("stylegan2-tiny", models.generator().info().architecture());
    assertEquals("unet-eps", models.denoiser().info().architecture());
    assertEquals("tinyclip", models.encoder().info().architecture());
    assertTrue(models.generator().info().parameters() < 2_000_000);
    assertEquals(1000, models.denoiser().diffusionSteps());
    assertEquals("cosine", models.denoiser().schedule());
    assertEquals(64, models.denoiser().trainingResolution());
    assertEquals(4, models.denoiser().sizeMultiple());
    assertEquals(64, models.encoder().imageSize());
    assertEquals(128, models.encoder().embedDim());
  }

  @Test
  void generatorMakesClampedImagesOfItsResolution() {
    Generator g = models.generator();
    assertEquals(128, g.latentDim());
    assertEquals(64, g.resolution());
    Tensor z =
        new Tensor(
            new int[] {2, 128}, concat(g.latentForSeed(1).data(), g.latentForSeed(2).data()));
    Tensor img = g.synthesize(z, 1f, 7);
    assertArrayEquals(new int[] {2, 3, 64, 64}, img.shape());
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : img.data()) {
      assertTrue(Float.isFinite(v));
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertTrue(min >= -1f && max <= 1f, min + ".." + max);
    assertTrue(max - min > 1e-3f, "image is not constant");
  }

  @Test
  void generatorIsDeterministicPerSeed() {
    Generator g = models.generator();
    Tensor a = g.synthesize(g.latentForSeed(42), 0.7f, 5);
    Tensor b = g.synthesize(g.latentForSeed(42), 0.7f, 5);
    Tensor c = g.synthesize(g.latentForSeed(43), 0.7f, 5);
    Tensor d = g.synthesize(g.latentForSeed(42), 0.7f, 6);
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertNotEquals(a, d, "noise seed changes the per-layer noise");
  }

  @Test
  void truncationZeroMapsEveryLatentToWAvg() {
    Generator g = models.generator();
    Tensor a = g.synthesize(g.latentForSeed(1), 0f, 3);
    Tensor b = g.synthesize(g.latentForSeed(2), 0f, 3);
    assertArrayEquals(a.data(), b.data(), 1e-5f);
  }

  @Test
  void denoiserKeepsTheShapeOfItsInput() {
    Denoiser d = models.denoiser();
    Tensor x16 = gaussian(new int[] {16, 3, 64, 64}, 1);
    int[] t16 = new int[16];
    for (int i = 0; i < 16; i++) {
      t16[i] = i * 60;
    }
    Tensor eps16 = d.predictEps(x16, t16);
    assertArrayEquals(x16.shape(), eps16.shape());
    assertAllFinite(eps16.data());

    Tensor x3 = gaussian(new int[] {3, 3, 32, 32}, 2);
    Tensor eps3 = d.predictEps(x3, new int[] {0, 500, 999});
    assertArrayEquals(x3.shape(), eps3.shape());
    assertAllFinite(eps3.data());
  }

  @Test
  void textEmbeddingsAreUnitNormAndTolerateUnknownWords() {
    TextImageEncoder e = models.encoder();
    float[] a = e.encodeText("an ink elevation of a domed facade with arched windows");
    float[] b = e.encodeText("zyzzyva quokka 12345 !!");
    float[] c = e.encodeText("");
    float[] d = e.encodeText("arch ".repeat(200));
    for (float[] v : new float[][] {a, b, c, d}) {
      assertEquals(128, v.length);
      assertEquals(1.0, norm(v), 1e-4);
    }
    assertFalse(java.util.Arrays.equals(a, b));
    assertArrayEquals(a, e.encodeText("An INK elevation of a domed facade, with arched windows."));
  }

  @Test
  void imageEmbeddingsResizeAnyInputSize() {
    TextImageEncoder e = models.encoder();
    for (int[] shape :
        new int[][] {{2, 3, 64, 64}, {2, 3, 128, 128}, {1, 3, 50, 70}, {1, 3, 32, 32}}) {
      Tensor emb = e.encodeImages(gaussian(shape, 3));
      assertArrayEquals(new int[] {shape[0], 128}, emb.shape());
      for (int i = 0; i < shape[0]; i++) {
        float[] row = java.util.Arrays.copyOfRange(emb.data(), i * 128, (i + 1) * 128);
        assertEquals(1.0, norm(row), 1e-4);
      }
    }
  }

  @Test
  void sphericalDistanceGradientDescends() {
    TextImageEncoder e = models.encoder();
    float[] target = e.encodeText("a blueprint plan of a cathedral");
    Tensor images = gaussian(new int[] {16, 3, 64, 64}, 4);
    TextImageEncoder.LossGradient lg = e.sphericalDistance(images, target);
    assertEquals(16, lg.loss().length);
    assertArrayEquals(images.shape(), lg.gradient().shape());
    assertAllFinite(lg.gradient().data());
    double gradNorm = norm(lg.gradient().data());
    assertTrue(gradNorm > 0, "gradient is non-zero");

    float step = (float) (1e-2 / gradNorm);
    float[] moved = images.data().clone();
    for (int i = 0; i < moved.length; i++) {
      moved[i] -= step * lg.gradient().data()[i];
    }
    TextImageEncoder.LossGradient after =
        e.sphericalDistance(new Tensor(images.shape(), moved), target);
    assertTrue(sum(after.loss()) < sum(lg.loss()), sum(after.loss()) + " < " + sum(lg.loss()));

    // Repeating the call gives the same gradient: nothing accumulates between calls.
    TextImageEncoder.LossGradient again = e.sphericalDistance(images, target);
    assertArrayEquals(lg.gradient().data(), again.gradient().data(), 1e-7f);
  }

  @Test
  void sphericalDistanceResizesLargerInputs() {
    TextImageEncoder e = models.encoder();
    float[] target = e.encodeText("sepia section");
    Tensor images = gaussian(new int[] {2, 3, 96, 96}, 5);
    TextImageEncoder.LossGradient lg = e.sphericalDistance(images, target);
    assertArrayEquals(images.shape(), lg.gradient().shape());
    assertAllFinite(lg.gradient().data());
    assertTrue(norm(lg.gradient().data()) > 0);
  }

  @Test
  void callsLeaveNoArraysInTheModelManagers() {
    Generator g = models.generator();
    TextImageEncoder e = models.encoder();
    Denoiser d = models.denoiser();
    g.synthesize(g.latentForSeed(1), 0.5f, 1);
    e.sphericalDistance(gaussian(new int[] {1, 3, 64, 64}, 1), e.encodeText("ink"));
    d.predictEps(gaussian(new int[] {1, 3, 32, 32}, 1), new int[] {10});
    int[] before = managedArrays();
    for (int i = 0; i < 3; i++) {
      g.synthesize(g.latentForSeed(i), 0.5f, i);
      e.encodeImages(gaussian(new int[] {2, 3, 64, 64}, i));
      e.sphericalDistance(gaussian(new int[] {2, 3, 64, 64}, i), e.encodeText("a domed tower"));
      d.predictEps(gaussian(new int[] {2, 3, 32, 32}, i), new int[] {1, 2});
    }
    assertArrayEquals(before, managedArrays(), "per-call arrays must die with their sub-manager");
  }

  private static int[] managedArrays() {
    return new int[] {
      ((Scoped<?>) models.generator()).manager.getManagedArrays().size(),
      ((Scoped<?>) models.denoiser()).manager.getManagedArrays().size(),
      ((Scoped<?>) models.encoder()).manager.getManagedArrays().size()
    };
  }

  static Tensor gaussian(int[] shape, long seed) {
    Tensor t = Tensor.zeros(shape);
    Random r = new Random(seed);
    for (int i = 0; i < t.data().length; i++) {
      t.data()[i] = (float) r.nextGaussian() * 0.5f;
    }
    return t;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  private static double sum(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    return s;
  }

  private static void assertAllFinite(float[] v) {
    for (float x : v) {
      assertTrue(Float.isFinite(x));
    }
  }
}
