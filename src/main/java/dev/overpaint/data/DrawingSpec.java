package dev.overpaint.data;

import java.util.SplittableRandom;

/**
 * The sampled attributes of one procedural architectural drawing: what is drawn (view, building
 * type, elements), how (style) and where (layout, in normalised canvas coordinates: x to the right
 * and y downwards, both in [0, 1]). Every attribute is drawn from one seed, so a spec is a pure
 * function of {@link #sample(long)}'s argument.
 *
 * @param view elevation (front view) or plan (footprint seen from above)
 * @param type building type / massing
 * @param style drawing medium
 * @param windowRows rows of windows on the main facade (storeys); 0 for none
 * @param windowCols windows per row; 0 for none
 * @param windowShape shape of the windows
 * @param columns free-standing columns across the front; 0 for none
 * @param dome whether the building carries a dome (then {@code roof == DOME})
 * @param towers flanking towers: 0, 1 or 2
 * @param roof roof type
 * @param stairs whether steps lead up to the building
 * @param pediment whether a triangular pediment crowns the front
 * @param arches arches of an arcade across the ground storey; 0 for none
 * @param door whether a central door is drawn
 * @param layout proportions and positions
 * @param jitterSeed seed of the renderer's small line jitter
 */
public record DrawingSpec(
    View view,
    BuildingType type,
    Style style,
    int windowRows,
    int windowCols,
    WindowShape windowShape,
    int columns,
    boolean dome,
    int towers,
    RoofType roof,
    boolean stairs,
    boolean pediment,
    int arches,
    boolean door,
    Layout layout,
    long jitterSeed) {

  /** Front elevation or ground plan. */
  public enum View {
    ELEVATION,
    PLAN
  }

  /** Building massing. */
  public enum BuildingType {
    HALL,
    TOWER,
    DOMED_HALL,
    HOUSE,
    TEMPLE_FRONT,
    ARCADE
  }

  /** Window shape. */
  public enum WindowShape {
    RECTANGULAR,
    ARCHED,
    ROUND
  }

  /** Roof type. */
  public enum RoofType {
    FLAT,
    GABLED,
    HIPPED,
    DOME
  }

  /** Drawing medium. */
  public enum Style {
    INK,
    BLUEPRINT,
    SEPIA,
    COLOURED_WASH
  }

  /**
   * Proportions and positions, normalised to the canvas.
   *
   * @param centerX horizontal centre of the main body
   * @param ground y of the ground line (elevation) or of the plan's centre (plan)
   * @param width width of the main body
   * @param height wall height of the main body, ground (or plinth) to eaves
   * @param roofHeight height of a gabled/hipped roof, pediment or spire
   * @param towerWidth width of a flanking tower
   * @param towerHeight wall height of a flanking tower
   * @param domeRadius horizontal radius of the dome
   * @param depth depth of the footprint in plan
   * @param porticoWidth width of the colonnade (columns) across the front
   */
  public record Layout(
      double centerX,
      double ground,
      double width,
      double height,
      double roofHeight,
      double towerWidth,
      double towerHeight,
      double domeRadius,
      double depth,
      double porticoWidth) {}

  public DrawingSpec {
    if (windowRows < 0 || windowCols < 0 || columns < 0 || towers < 0 || arches < 0) {
      throw new IllegalArgumentException("element counts must be non-negative");
    }
    if (dome != (roof == RoofType.DOME)) {
      throw new IllegalArgumentException("dome must go with a DOME roof");
    }
  }

  /** Total number of windows on the main facade. */
  public int windows() {
    return windowRows * windowCols;
  }

  /** Draws a spec from a seed. */
  public static DrawingSpec sample(long seed) {
    return sample(new SplittableRandom(seed));
  }

  /** Draws a spec; every draw comes from {@code r}, in a fixed order. */
  public static DrawingSpec sample(SplittableRandom r) {
    View view = r.nextDouble() < 0.7 ? View.ELEVATION : View.PLAN;
    BuildingType type = pick(r, BuildingType.values());
    Style style = pick(r, Style.values());
    WindowShape shape = pick(r, WindowShape.values());
    double cx = 0.5 + range(r, -0.03, 0.03);
    double ground = range(r, 0.84, 0.89);
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    double u3 = r.nextDouble();
    double u4 = r.nextDouble();
    double u5 = r.nextDouble();
    double depth = range(r, 0.30, 0.46);

    int rows;
    int cols;
    int columns = 0;
    int towers = 0;
    int arches = 0;
    boolean stairs;
    boolean pediment = false;
    boolean door = true;
    RoofType roof;
    double width;
    double height;
    double roofHeight;
    double domeRadius = 0;
    double porticoWidth = 0;
    switch (type) {
      case HALL -> {
        rows = 1 + r.nextInt(3);
        cols = 3 + r.nextInt(5);
        columns = u1 < 0.35 ? 4 + 2 * r.nextInt(3) : 0;
        pediment = columns > 0 ? u2 < 0.75 : u2 < 0.2;
        roof = pick(r, RoofType.FLAT, RoofType.GABLED, RoofType.HIPPED);
        towers = u3 < 0.25 ? 2 : u3 < 0.33 ? 1 : 0;
        stairs = u4 < 0.5;
        width = range(r, 0.55, 0.72);
        height = 0.1 + rows * range(r, 0.07, 0.09);
        roofHeight = range(r, 0.07, 0.13);
      }
      case TOWER -> {
        rows = 3 + r.nextInt(4);
        cols = 1 + r.nextInt(2);
        roof = pick(r, RoofType.values());
        stairs = u4 < 0.3;
        width = range(r, 0.17, 0.25);
        height = range(r, 0.42, 0.55);
        roofHeight = range(r, 0.1, 0.18);
        depth = range(r, 0.36, 0.5);
      }
      case DOMED_HALL -> {
        rows = 1 + r.nextInt(2);
        cols = 3 + r.nextInt(3);
        columns = u1 < 0.5 ? 4 + 2 * r.nextInt(2) : 0;
        pediment = columns > 0 && u2 < 0.75;
        roof = RoofType.DOME;
        towers = u3 < 0.3 ? 2 : 0;
        stairs = u4 < 0.6;
        width = range(r, 0.52, 0.7);
        height = 0.1 + rows * range(r, 0.06, 0.08);
        roofHeight = range(r, 0.06, 0.09);
        domeRadius = width * range(r, 0.2, 0.28);
      }
      case HOUSE -> {
        rows = 1 + r.nextInt(2);
        cols = 2 + r.nextInt(3);
        shape = u5 < 0.75 ? WindowShape.RECTANGULAR : shape;
        roof = u1 < 0.7 ? RoofType.GABLED : RoofType.HIPPED;
        stairs = u4 < 0.3;
        width = range(r, 0.42, 0.62);
        height = 0.08 + rows * range(r, 0.09, 0.11);
        roofHeight = range(r, 0.13, 0.22);
      }
      case TEMPLE_FRONT -> {
        rows = 0;
        cols = 0;
        columns = 4 + 2 * r.nextInt(3);
        pediment = true;
        roof = RoofType.GABLED;
        stairs = u4 < 0.85;
        door = u2 < 0.6;
        width = range(r, 0.5, 0.7);
        height = range(r, 0.28, 0.36);
        roofHeight = range(r, 0.08, 0.12);
      }
      default -> {
        rows = r.nextInt(3);
        arches = 3 + r.nextInt(7);
        cols = rows > 0 ? arches : 0;
        columns = u1 < 0.35 ? arches + 1 : 0;
        roof = pick(r, RoofType.FLAT, RoofType.FLAT, RoofType.HIPPED, RoofType.GABLED);
        stairs = u4 < 0.2;
        door = false;
        width = range(r, 0.7, 0.86);
        height = 0.16 + rows * range(r, 0.08, 0.1);
        roofHeight = range(r, 0.05, 0.09);
      }
    }
    if (columns > 0) {
      porticoWidth =
          type == BuildingType.TEMPLE_FRONT || type == BuildingType.ARCADE
              ? width
              : Math.min(width * 0.9, columns * range(r, 0.07, 0.09));
    }
    if (type == BuildingType.TOWER && roof == RoofType.DOME) {
      domeRadius = width * 0.5;
    }
    double towerWidth = Math.max(0.09, Math.min(0.14, width * 0.22));
    double towerHeight = height + range(r, 0.12, 0.22);

    // Fit everything above the ground line inside the canvas with a margin.
    double plinth = stairs ? 0.035 : 0.0;
    double above =
        switch (roof) {
          case DOME -> height + 0.05 + domeRadius * 1.05 + 0.06;
          case FLAT -> height + 0.03 + (pediment ? roofHeight : 0);
          default -> height + roofHeight + 0.02;
        };
    if (towers > 0) {
      above = Math.max(above, towerHeight + 0.14);
    }
    double room = ground - plinth - 0.07;
    if (above > room) {
      double f = room / above;
      height *= f;
      roofHeight *= f;
      domeRadius *= f;
      towerHeight *= f;
    }
    Layout layout =
        new Layout(
            cx,
            ground,
            width,
            height,
            roofHeight,
            towerWidth,
            towerHeight,
            domeRadius,
            depth,
            porticoWidth);
    return new DrawingSpec(
        view,
        type,
        style,
        rows,
        cols,
        shape,
        columns,
        roof == RoofType.DOME,
        towers,
        roof,
        stairs,
        pediment,
        arches,
        door,
        layout,
        r.nextLong());
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }

  private static double range(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }
}
