package dev.overpaint.quality;

import dev.overpaint.tiles.TileGeometry;
import java.awt.image.BufferedImage;

/**
 * The seam ratio of a picture made from a tile grid: mean |∇| across the tile borders ÷ mean |∇|
 * across control lines halfway between borders. A border is where pasted tiles meet, the middle of
 * each overlap; about 1 means the borders cannot be found, well above 1 means visible seams.
 *
 * <p>The control lines are the midpoints of neighbouring borders, so they are the centres of the
 * inner tiles; a grid with a single border per axis has no such midpoint and uses its tile centres.
 * The ratio also answers to where the content lies: drawings centred on the canvas put more lines
 * on the middle border than on the controls, so {@link #ratio} of the untiled base is reported
 * beside it as the reference.
 */
public final class Seams {

  private Seams() {}

  public static double ratio(BufferedImage image, TileGeometry g) {
    if (g.cols() < 2 && g.rows() < 2) {
      return 1.0;
    }
    double[] border = new double[2];
    double[] control = new double[2];
    for (int b : borders(g.cols(), g)) {
      add(border, verticalLine(image, b));
    }
    for (int c : controls(g.cols(), g)) {
      add(control, verticalLine(image, c));
    }
    for (int b : borders(g.rows(), g)) {
      add(border, horizontalLine(image, b));
    }
    for (int c : controls(g.rows(), g)) {
      add(control, horizontalLine(image, c));
    }
    double borderMean = border[0] / border[1];
    double controlMean = control[0] / control[1];
    return controlMean == 0
        ? (borderMean == 0 ? 1.0 : Double.POSITIVE_INFINITY)
        : borderMean / controlMean;
  }

  /** Along one axis of {@code count} tiles: the middle of each overlap. */
  static int[] borders(int count, TileGeometry g) {
    int[] b = new int[Math.max(0, count - 1)];
    for (int k = 1; k < count; k++) {
      b[k - 1] = k * g.stride() + g.overlap() / 2;
    }
    return b;
  }

  /** Midpoints of neighbouring borders, or the tile centres where there is only one border. */
  static int[] controls(int count, TileGeometry g) {
    int[] b = borders(count, g);
    if (b.length == 1) {
      return new int[] {g.tileSize() / 2, g.stride() + g.tileSize() / 2};
    }
    int[] c = new int[Math.max(0, b.length - 1)];
    for (int k = 1; k < b.length; k++) {
      c[k - 1] = (b[k - 1] + b[k]) / 2;
    }
    return c;
  }

  /** {sum, count} of |I(x) − I(x − 1)| over all rows and channels. */
  private static double[] verticalLine(BufferedImage image, int x) {
    double sum = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      sum += difference(image.getRGB(x, y), image.getRGB(x - 1, y));
    }
    return new double[] {sum, 3.0 * image.getHeight()};
  }

  private static double[] horizontalLine(BufferedImage image, int y) {
    double sum = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      sum += difference(image.getRGB(x, y), image.getRGB(x, y - 1));
    }
    return new double[] {sum, 3.0 * image.getWidth()};
  }

  private static double difference(int a, int b) {
    return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff))
        + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
        + Math.abs((a & 0xff) - (b & 0xff));
  }

  private static void add(double[] total, double[] part) {
    total[0] += part[0];
    total[1] += part[1];
  }
}
