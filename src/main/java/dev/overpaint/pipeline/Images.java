package dev.overpaint.pipeline;

import java.awt.image.BufferedImage;

/** Conversions between channel-first float images in [-1, 1] and 8-bit RGB pictures. */
public final class Images {

  private Images() {}

  /** The 3×h×w image starting at {@code offset} of a batch, as an RGB picture. */
  public static BufferedImage toRgb(float[] chw, int offset, int h, int w) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] rgb = new int[w * h];
    int plane = w * h;
    for (int i = 0; i < plane; i++) {
      int r = toByte(chw[offset + i]);
      int g = toByte(chw[offset + plane + i]);
      int b = toByte(chw[offset + 2 * plane + i]);
      rgb[i] = (r << 16) | (g << 8) | b;
    }
    image.setRGB(0, 0, w, h, rgb, 0, w);
    return image;
  }

  /** An RGB picture as a 3×h×w float image in [-1, 1]. */
  public static float[] fromRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] chw = new float[3 * w * h];
    for (int i = 0; i < rgb.length; i++) {
      chw[i] = fromByte((rgb[i] >> 16) & 0xff);
      chw[w * h + i] = fromByte((rgb[i] >> 8) & 0xff);
      chw[2 * w * h + i] = fromByte(rgb[i] & 0xff);
    }
    return chw;
  }

  static int toByte(float v) {
    return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
  }

  static float fromByte(int b) {
    return b / 127.5f - 1f;
  }
}
