package dev.overpaint.train;

import java.util.List;

/**
 * Which pictures have a blueprint's ground, so that eval can say whether a model's samples find
 * that mode as often as the real pictures do. A blueprint's ground is dark blue (B − R ≈ 0.78, R ≈
 * −0.8 in [-1, 1]); ink, sepia and wash paper are warm (B − R below 0), and a wash sky, the bluest
 * of them, is light (R ≈ 0.57). Means are taken over the whole picture, lines included.
 */
final class Blueprints {

  static final double MIN_BLUE_OVER_RED = 0.4;
  static final double MAX_RED = 0.0;

  private Blueprints() {}

  /** Whether a (3, size, size) picture in [-1, 1] has a blueprint's ground. */
  static boolean isBlueprint(float[] chw, int size) {
    int n = size * size;
    double red = 0;
    double blue = 0;
    for (int i = 0; i < n; i++) {
      red += chw[i];
      blue += chw[2 * n + i];
    }
    red /= n;
    blue /= n;
    return blue - red > MIN_BLUE_OVER_RED && red < MAX_RED;
  }

  /** The share of the pictures that are blueprints. */
  static double share(List<float[]> pictures, int size) {
    return pictures.stream().filter(p -> isBlueprint(p, size)).count() / (double) pictures.size();
  }
}
