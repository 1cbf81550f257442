package dev.overpaint.quality;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Resizing and side-by-side strips of pictures for the quality report. */
public final class Pictures {

  private Pictures() {}

  /** Area-averaged (for downscaling) or bilinear resize to w×h. */
  public static BufferedImage resize(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(src.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    return out;
  }

  /** The pictures in a row at a common height, 4 px apart, on a dark ground. */
  public static BufferedImage strip(List<BufferedImage> pictures, int height) {
    int gap = 4;
    int width = gap;
    for (BufferedImage p : pictures) {
      width += p.getWidth() * height / p.getHeight() + gap;
    }
    BufferedImage out = new BufferedImage(width, height + 2 * gap, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(new Color(0x16, 0x18, 0x1d));
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    int x = gap;
    for (BufferedImage p : pictures) {
      int w = p.getWidth() * height / p.getHeight();
      g.drawImage(p, x, gap, w, height, null);
      x += w + gap;
    }
    g.dispose();
    return out;
  }
}
