package dev.overpaint.quality;

import java.awt.image.BufferedImage;

/**
 * Structural similarity (Wang et al. 2004) of two equally sized pictures, on luma, averaged over
 * 7×7 windows with the usual constants (K1 = 0.01, K2 = 0.03, L = 255).
 */
public final class Ssim {

  private static final int WINDOW = 7;
  private static final double C1 = Math.pow(0.01 * 255, 2);
  private static final double C2 = Math.pow(0.03 * 255, 2);

  private Ssim() {}

  public static double of(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new IllegalArgumentException("SSIM needs pictures of one size");
    }
    double[][] x = luma(a);
    double[][] y = luma(b);
    int w = Math.min(WINDOW, a.getWidth());
    int h = Math.min(WINDOW, a.getHeight());
    double total = 0;
    int windows = 0;
    for (int top = 0; top + h <= a.getHeight(); top++) {
      for (int left = 0; left + w <= a.getWidth(); left++) {
        total += window(x, y, top, left, h, w);
        windows++;
      }
    }
    return total / windows;
  }

  private static double window(double[][] x, double[][] y, int top, int left, int h, int w) {
    double mx = 0;
    double my = 0;
    int n = h * w;
    for (int i = top; i < top + h; i++) {
      for (int j = left; j < left + w; j++) {
        mx += x[i][j];
        my += y[i][j];
      }
    }
    mx /= n;
    my /= n;
    double vx = 0;
    double vy = 0;
    double cov = 0;
    for (int i = top; i < top + h; i++) {
      for (int j = left; j < left + w; j++) {
        vx += (x[i][j] - mx) * (x[i][j] - mx);
        vy += (y[i][j] - my) * (y[i][j] - my);
        cov += (x[i][j] - mx) * (y[i][j] - my);
      }
    }
    vx /= n - 1;
    vy /= n - 1;
    cov /= n - 1;
    return ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
  }

  private static double[][] luma(BufferedImage image) {
    double[][] l = new double[image.getHeight()][image.getWidth()];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        l[y][x] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
      }
    }
    return l;
  }
}
