package dev.overpaint.tiles;

/**
 * The per-pixel weight a tile gives its own pixels before normalisation across tiles.
 *
 * <ul>
 *   <li>UNIFORM: MultiDiffusion's plain average (Bar-Tal et al. 2023).
 *   <li>GAUSSIAN: Mixture of Diffusers' centred Gaussian (Jiménez 2023), σ = 0.3 of the tile.
 *   <li>COSINE: a raised cosine (Hann) window, positive at every pixel so borders stay covered.
 *   <li>NEAREST: hard ownership by the nearest tile centre, i.e. plain pasting with no blending.
 * </ul>
 */
public enum WindowShape {
  UNIFORM,
  GAUSSIAN,
  COSINE,
  NEAREST;

  /** Weight along one axis at pixel i of a tile of the given size. */
  double axisWeight(int i, int size) {
    double u = (i + 0.5) / size;
    return switch (this) {
      case UNIFORM, NEAREST -> 1.0;
      case GAUSSIAN -> Math.exp(-Math.pow(u - 0.5, 2) / (2 * 0.3 * 0.3));
      case COSINE -> 0.5 - 0.5 * Math.cos(2 * Math.PI * u);
    };
  }
}
