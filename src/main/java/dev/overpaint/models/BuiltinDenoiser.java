package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** {@link Denoiser} over a {@link UNetBlock} (Ho et al. 2020; Nichol &amp; Dhariwal 2021). */
public final class BuiltinDenoiser extends Scoped<UNetBlock> implements Denoiser {

  BuiltinDenoiser(UNetBlock block, NDManager manager, ModelInfo info) {
    super(block, manager, info);
  }

  @Override
  public int trainingResolution() {
    return block.config().trainingResolution();
  }

  @Override
  public int sizeMultiple() {
    return block.config().sizeMultiple();
  }

  @Override
  public int diffusionSteps() {
    return block.config().diffusionSteps();
  }

  @Override
  public String schedule() {
    return block.config().schedule();
  }

  @Override
  public synchronized Tensor predictEps(Tensor xT, int[] t) {
    ensureOpen();
    check(xT, t);
    float[] steps = new float[t.length];
    for (int i = 0; i < t.length; i++) {
      steps[i] = t[i];
    }
    try (NDManager m = manager.newSubManager()) {
      NDList inputs = new NDList(in(m, xT), m.create(steps, new Shape(t.length)));
      NDArray eps = block.forward(parameters, inputs, false).singletonOrThrow();
      return out(eps);
    }
  }

  private void check(Tensor xT, int[] t) {
    int k = sizeMultiple();
    if (xT.rank() != 4 || xT.dim(1) != 3 || xT.dim(2) % k != 0 || xT.dim(3) % k != 0) {
      throw new IllegalArgumentException(
          "x_t must be (n, 3, h, w) with h, w multiples of " + k + ", got " + xT);
    }
    if (t.length != xT.dim(0)) {
      throw new IllegalArgumentException(
          "need one timestep per image: " + t.length + " for " + xT.dim(0));
    }
    for (int step : t) {
      if (step < 0 || step >= diffusionSteps()) {
        throw new IllegalArgumentException(
            "timestep " + step + " outside 0.." + (diffusionSteps() - 1));
      }
    }
  }
}
