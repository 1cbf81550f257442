package dev.overpaint.models;

import java.util.Arrays;

/**
 * A dense fp32 tensor in row-major (NCHW for images) order: the currency between the networks and
 * the rest of the application, so that nothing outside {@code models} touches an NDArray.
 */
public record Tensor(int[] shape, float[] data) {

  public Tensor {
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + data.length);
    }
  }

  public static Tensor zeros(int... shape) {
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    return new Tensor(shape.clone(), new float[Math.toIntExact(size)]);
  }

  public int dim(int axis) {
    return shape[axis];
  }

  public int rank() {
    return shape.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
