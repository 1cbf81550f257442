package dev.overpaint.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders an N×N grid of dataset samples with their captions underneath.
 *
 * <p>Usage: {@code SampleGrid out.png [size=96] [count=36] [seed=1]}; count is rounded up to a
 * square.
 */
public final class SampleGrid {

  private SampleGrid() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    if (args.length < 1) {
      System.err.println("usage: SampleGrid out.png [size] [count] [seed]");
      System.exit(2);
    }
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 96;
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 36;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    ImageIO.write(grid(new Dataset(seed, size), count), "png", new File(args[0]));
  }

  /** The first {@code count} samples of {@code data}, captioned, in a square grid. */
  public static BufferedImage grid(Dataset data, int count) {
    int n = (int) Math.ceil(Math.sqrt(count));
    int size = data.size();
    int cellW = Math.max(size, 120);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size >= 200 ? 12 : 10);
    int lineH = font.getSize() + 2;
    int textH = lineH * (size >= 200 ? 3 : 5) + 4;
    int pad = 6;
    int w = n * (cellW + pad) + pad;
    int h = n * (size + textH + pad) + pad;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i < n * n && i < count; i++) {
      Dataset.Sample s = data.sample(i);
      int x = pad + (i % n) * (cellW + pad);
      int y = pad + (i / n) * (size + textH + pad);
      g.drawImage(s.image(), x + (cellW - size) / 2, y, null);
      g.setColor(Color.DARK_GRAY);
      int ty = y + size + fm.getAscent() + 2;
      for (String line : wrap(s.caption(), fm, cellW)) {
        g.drawString(line, x, ty);
        ty += lineH;
      }
    }
    g.dispose();
    return out;
  }

  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      String next = cur.length() == 0 ? word : cur + " " + word;
      if (fm.stringWidth(next) > width && cur.length() > 0) {
        lines.add(cur.toString());
        cur = new StringBuilder(word);
      } else {
        cur = new StringBuilder(next);
      }
    }
    if (cur.length() > 0) {
      lines.add(cur.toString());
    }
    return lines;
  }
}
