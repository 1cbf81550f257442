package dev.overpaint.pipeline;

import java.util.Locale;

/**
 * How the tiles become one picture.
 *
 * <ul>
 *   <li>NONE: every tile is denoised alone and pasted in (the original experiment's method).
 *   <li>FEATHER: tiles are denoised alone, then blended in the overlaps at the end (progrock's
 *       gobig).
 *   <li>JOINT: at every step all tiles are fused into the shared canvas and re-cropped from it
 *       (MultiDiffusion, Bar-Tal et al. 2023), so neighbours agree.
 * </ul>
 */
public enum Blend {
  NONE,
  FEATHER,
  JOINT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Blend parse(String id) {
    for (Blend b : values()) {
      if (b.id().equals(id)) {
        return b;
      }
    }
    throw new IllegalArgumentException("blend must be one of none, feather, joint");
  }
}
