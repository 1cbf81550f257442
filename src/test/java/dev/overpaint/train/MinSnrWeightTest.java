package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Min-SNR-γ cap on the UNet's loss weights. */
class MinSnrWeightTest {

  @Test
  void withoutTheCapEveryStepWeighsOne() {
    assertEquals(1f, UNetTrainer.lossWeight(0.99, true, 0));
    assertEquals(1f, UNetTrainer.lossWeight(1e-9, false, 0));
  }

  @Test
  void lowNoiseStepsAreCappedAndNoisyOnesKeepWeightOne() {
    // alphaCumprod 0.99: SNR 99, so the v loss weighs x0 by 100 and the ε loss by 99.
    assertEquals(0.05f, UNetTrainer.lossWeight(0.99, true, 5), 1e-6f);
    assertEquals(5f / 99, UNetTrainer.lossWeight(0.99, false, 5), 1e-6f);
    // SNR 1: below the cap for both heads.
    assertEquals(1f, UNetTrainer.lossWeight(0.5, true, 5));
    assertEquals(1f, UNetTrainer.lossWeight(0.5, false, 5));
    assertEquals(1f, UNetTrainer.lossWeight(1e-9, true, 5));
  }
}
