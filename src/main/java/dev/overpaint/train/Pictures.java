package dev.overpaint.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** CHW float pictures in [-1, 1]: flips and PNG grids for the sample folders. */
final class Pictures {

  private Pictures() {}

  /** Mirrors a 3×h×w picture left-right in place (a label-preserving augmentation for drawings). */
  static void flipHorizontal(float[] chw, int h, int w) {
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        int row = (c * h + y) * w;
        for (int x = 0; x < w / 2; x++) {
          float tmp = chw[row + x];
          chw[row + x] = chw[row + w - 1 - x];
          chw[row + w - 1 - x] = tmp;
        }
      }
    }
  }

  /** Writes square pictures as a grid PNG with a 2-px white gutter. */
  static void writeGrid(List<float[]> pictures, int size, int columns, Path file)
      throws IOException {
    int rows = (pictures.size() + columns - 1) / columns;
    int gap = 2;
    BufferedImage grid =
        new BufferedImage(
            columns * (size + gap) + gap, rows * (size + gap) + gap, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < grid.getHeight(); y++) {
      for (int x = 0; x < grid.getWidth(); x++) {
        grid.setRGB(x, y, 0xFFFFFF);
      }
    }
    for (int i = 0; i < pictures.size(); i++) {
      int ox = gap + (i % columns) * (size + gap);
      int oy = gap + (i / columns) * (size + gap);
      paint(grid, pictures.get(i), size, ox, oy);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(grid, "png", file.toFile());
  }

  private static void paint(BufferedImage into, float[] chw, int size, int ox, int oy) {
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = y * size + x;
        int r = byteOf(chw[i]);
        int g = byteOf(chw[plane + i]);
        int b = byteOf(chw[2 * plane + i]);
        into.setRGB(ox + x, oy + y, (r << 16) | (g << 8) | b);
      }
    }
  }

  private static int byteOf(float v) {
    return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
  }
}
