package dev.overpaint.data;

import dev.overpaint.data.DrawingSpec.Style;
import java.awt.Color;

/**
 * Colours of one drawing style. {@code wash} is true for the coloured wash style, where walls,
 * roofs, domes, sky and ground get soft flat fills; for the other styles every fill is the paper
 * colour (it only hides lines behind an element).
 */
record Palette(
    Color paper,
    Color line,
    Color fine,
    Color glass,
    Color voids,
    Color wall,
    Color roof,
    Color dome,
    Color column,
    Color sky,
    Color ground,
    Color floor,
    Color grid,
    double grain,
    double tone,
    double vignette,
    boolean wash) {

  static Palette of(Style style) {
    return switch (style) {
      case INK -> {
        Color paper = new Color(244, 240, 229);
        yield flat(
            paper,
            new Color(28, 27, 26),
            new Color(70, 68, 64),
            new Color(214, 210, 200),
            new Color(150, 146, 138),
            0.016,
            0.012,
            0.03);
      }
      case SEPIA -> {
        Color paper = new Color(238, 224, 192);
        yield flat(
            paper,
            new Color(96, 58, 28),
            new Color(128, 88, 52),
            new Color(216, 196, 158),
            new Color(168, 132, 92),
            0.02,
            0.012,
            0.1);
      }
      case BLUEPRINT -> {
        Color paper = new Color(24, 62, 124);
        yield new Palette(
            paper,
            new Color(232, 242, 255),
            new Color(168, 206, 240),
            new Color(44, 88, 152),
            new Color(70, 116, 178),
            paper,
            paper,
            paper,
            paper,
            null,
            null,
            paper,
            new Color(42, 84, 148),
            0.02,
            0.015,
            0.08,
            false);
      }
      case COLOURED_WASH ->
          new Palette(
              new Color(247, 244, 236),
              new Color(48, 42, 38),
              new Color(92, 84, 76),
              new Color(150, 172, 192),
              new Color(120, 110, 104),
              new Color(236, 218, 182),
              new Color(190, 112, 92),
              new Color(150, 186, 170),
              new Color(244, 236, 220),
              new Color(200, 220, 236),
              new Color(186, 204, 150),
              new Color(232, 216, 186),
              null,
              0.015,
              0.015,
              0.04,
              true);
    };
  }

  private static Palette flat(
      Color paper,
      Color line,
      Color fine,
      Color glass,
      Color voids,
      double grain,
      double tone,
      double vignette) {
    return new Palette(
        paper, line, fine, glass, voids, paper, paper, paper, paper, null, null, paper, null, grain,
        tone, vignette, false);
  }
}
