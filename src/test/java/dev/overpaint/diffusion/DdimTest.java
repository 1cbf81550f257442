package dev.overpaint.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DdimTest {

  private static final float[] X0 = {0.5f, -0.25f, 0.9f, 0f};
  private static final float[] EPS = {0.1f, -1.2f, 0.3f, 2f};

  @Test
  void qSampleIsTheClosedFormMixture() {
    double a = 0.64;
    float[] xt = Ddim.qSample(X0, a, EPS);
    for (int i = 0; i < X0.length; i++) {
      assertEquals(0.8 * X0[i] + 0.6 * EPS[i], xt[i], 1e-6);
    }
  }

  @Test
  void predX0InvertsQSampleGivenTheTrueNoise() {
    double a = 0.3;
    assertArrayEquals(X0, Ddim.predX0(Ddim.qSample(X0, a, EPS), EPS, a), 1e-5f);
    assertArrayEquals(EPS, Ddim.epsFromX0(Ddim.qSample(X0, a, EPS), X0, a), 1e-5f);
  }

  /** ε = √(1−ᾱ)·x_t + √ᾱ·v and x0 = √ᾱ·x_t − √(1−ᾱ)·v: what the UNet's v head relies on. */
  @Test
  void velocityRecoversNoiseAndImageFromXt() {
    double a = 0.36;
    float[] xt = Ddim.qSample(X0, a, EPS);
    float[] v = Ddim.velocity(X0, EPS, a);
    for (int i = 0; i < X0.length; i++) {
      assertEquals(0.6 * EPS[i] - 0.8 * X0[i], v[i], 1e-6);
      assertEquals(EPS[i], 0.8 * xt[i] + 0.6 * v[i], 1e-5);
      assertEquals(X0[i], 0.6 * xt[i] - 0.8 * v[i], 1e-5);
    }
  }

  @Test
  void predX0IsClampedToTheDataRange() {
    float[] x0 = Ddim.predX0(new float[] {5f, -5f}, new float[] {0f, 0f}, 0.25);
    assertArrayEquals(new float[] {1f, -1f}, x0);
  }

  @Test
  void deterministicStepMovesAlongTheSameNoise() {
    // η = 0: x_{t'} = √ᾱ_{t'}·x̂0 + √(1−ᾱ_{t'})·ε, i.e. q(x_{t'} | x0) with the same ε.
    double prev = 0.81;
    float[] step = Ddim.step(X0, EPS, prev, 0.0, null);
    assertArrayEquals(Ddim.qSample(X0, prev, EPS), step, 1e-6f);
  }

  @Test
  void lastStepLandsOnX0() {
    assertArrayEquals(X0, Ddim.step(X0, EPS, 1.0, 0.0, null), 1e-6f);
  }

  @Test
  void sigmaAtEtaOneIsTheDdpmPosteriorStd() {
    double a = 0.5;
    double prev = 0.6;
    double beta = 1 - a / prev;
    double posteriorVariance = (1 - prev) / (1 - a) * beta;
    assertEquals(Math.sqrt(posteriorVariance), Ddim.sigma(a, prev, 1.0), 1e-12);
    assertEquals(0.0, Ddim.sigma(a, prev, 0.0));
  }

  @Test
  void stochasticStepAddsScaledNoise() {
    float[] z = {1f, 1f, 1f, 1f};
    double prev = 0.5;
    double sigma = 0.3;
    float[] step = Ddim.step(X0, EPS, prev, sigma, z);
    for (int i = 0; i < X0.length; i++) {
      double expected =
          Math.sqrt(prev) * X0[i] + Math.sqrt(1 - prev - sigma * sigma) * EPS[i] + sigma;
      assertEquals(expected, step[i], 1e-6);
    }
  }

  @Test
  void guidanceShiftsEpsAgainstTheGradient() {
    float[] guided = Ddim.guideEps(new float[] {1f}, new float[] {2f}, 0.36);
    assertEquals(1f - 0.8f * 2f, guided[0], 1e-6f);
  }

  @Test
  void timestepsStartAtTheSkipAndEndAtZero() {
    int[] ts = Ddim.timesteps(1000, 0.5, 20);
    assertEquals(20, ts.length);
    assertEquals(500, ts[0]);
    assertEquals(0, ts[19]);
    for (int i = 1; i < ts.length; i++) {
      assertTrue(ts[i] < ts[i - 1], "strictly descending");
    }
    assertArrayEquals(new int[] {999}, Ddim.timesteps(1000, 0.0, 1));
  }

  @Test
  void everyRemainingTimestepCanBeUsedOnce() {
    int[] ts = Ddim.timesteps(1000, 0.99, 11);
    assertEquals(10, ts[0]);
    assertArrayEquals(new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, ts);
    assertThrows(IllegalArgumentException.class, () -> Ddim.timesteps(1000, 0.99, 12));
  }

  @Test
  void schedulesDecreaseFromNearlyOne() {
    for (NoiseSchedule s :
        new NoiseSchedule[] {NoiseSchedule.cosine(1000), NoiseSchedule.linear(1000)}) {
      assertEquals(1.0, s.alphaCumprod(-1));
      assertTrue(s.alphaCumprod(0) > 0.999);
      assertTrue(s.alphaCumprod(999) < 1e-3);
      for (int t = 1; t < 1000; t++) {
        assertTrue(s.alphaCumprod(t) < s.alphaCumprod(t - 1));
      }
    }
    // Linear: ᾱ_1 = (1 − 1e-4)(1 − β_1) with β_1 = 1e-4 + (0.02 − 1e-4)/999.
    double beta1 = 1e-4 + (0.02 - 1e-4) / 999;
    assertEquals((1 - 1e-4) * (1 - beta1), NoiseSchedule.linear(1000).alphaCumprod(1), 1e-12);
  }
}
