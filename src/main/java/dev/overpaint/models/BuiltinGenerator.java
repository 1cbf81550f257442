package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;

/** {@link Generator} over a {@link StyleGan2Block} (Karras et al. 2020). */
public final class BuiltinGenerator extends Scoped<StyleGan2Block> implements Generator {

  BuiltinGenerator(StyleGan2Block block, NDManager manager, ModelInfo info) {
    super(block, manager, info);
  }

  @Override
  public int latentDim() {
    return block.config().latentDim();
  }

  @Override
  public int resolution() {
    return block.config().resolution();
  }

  @Override
  public synchronized Tensor synthesize(Tensor z, float truncationPsi, long noiseSeed) {
    ensureOpen();
    if (z.rank() != 2 || z.dim(1) != latentDim()) {
      throw new IllegalArgumentException("z must be (n, " + latentDim() + "), got " + z);
    }
    try (NDManager m = manager.newSubManager()) {
      NDArray zs = in(m, z);
      NDArray w = block.mapping(parameters, zs, false);
      if (truncationPsi != 1f) {
        w = block.truncate(parameters, w, truncationPsi, false);
      }
      NDArray img = block.synthesis(parameters, w, noise(m, z.dim(0), noiseSeed), false);
      return out(img.clip(-1f, 1f));
    }
  }

  /** Per-layer noise, drawn in layer order from one {@link Random}(noiseSeed). */
  private NDList noise(NDManager m, int n, long noiseSeed) {
    Random random = new Random(noiseSeed);
    NDList list = new NDList();
    List<Shape> shapes = block.noiseShapes(n);
    for (Shape s : shapes) {
      float[] values = new float[Math.toIntExact(s.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian();
      }
      list.add(m.create(values, s));
    }
    return list;
  }
}
