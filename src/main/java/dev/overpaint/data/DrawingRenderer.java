package dev.overpaint.data;

import dev.overpaint.data.DrawingSpec.BuildingType;
import dev.overpaint.data.DrawingSpec.Layout;
import dev.overpaint.data.DrawingSpec.RoofType;
import dev.overpaint.data.DrawingSpec.Style;
import dev.overpaint.data.DrawingSpec.View;
import dev.overpaint.data.DrawingSpec.WindowShape;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Renders a {@link DrawingSpec} with Java2D. Geometry is laid out in normalised canvas coordinates
 * and scaled to the canvas size; line widths scale with the canvas and have a floor, and small
 * details (capitals, mullions, hatching) appear only where they are large enough in pixels. A crop
 * is rendered at canvas scale, translated, so it equals the same region of the full canvas.
 */
public final class DrawingRenderer {

  private DrawingRenderer() {}

  /** The whole drawing at {@code size}×{@code size} pixels. */
  public static BufferedImage render(DrawingSpec spec, int size) {
    return renderCrop(spec, size, 0, 0, size);
  }

  /**
   * The {@code cropSize}×{@code cropSize} region at ({@code x}, {@code y}) of the drawing rendered
   * at {@code canvasSize}×{@code canvasSize}; the region must lie inside the canvas.
   */
  public static BufferedImage renderCrop(
      DrawingSpec spec, int canvasSize, int x, int y, int cropSize) {
    if (canvasSize < 8 || cropSize < 1) {
      throw new IllegalArgumentException("canvas must be at least 8 px and crop at least 1 px");
    }
    if (x < 0 || y < 0 || x + cropSize > canvasSize || y + cropSize > canvasSize) {
      throw new IllegalArgumentException("crop lies outside the canvas");
    }
    BufferedImage image = new BufferedImage(cropSize, cropSize, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.translate(-x, -y);
      Pen p = new Pen(g, canvasSize, spec);
      p.background();
      if (spec.view() == View.ELEVATION) {
        new Elevation(p, spec).draw();
      } else {
        new Plan(p, spec).draw();
      }
    } finally {
      g.dispose();
    }
    grain(image, spec, canvasSize, x, y);
    return image;
  }

  /** Windows drawn on the facade grid of an elevation (the door replaces some). */
  static int facadeWindows(DrawingSpec spec) {
    return new Elevation(null, spec).visibleWindows();
  }

  /** Paper grain, tone and vignette, as functions of canvas pixel coordinates. */
  private static void grain(BufferedImage image, DrawingSpec spec, int canvas, int x0, int y0) {
    Palette c = Palette.of(spec.style());
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    SplittableRandom r = new SplittableRandom(spec.jitterSeed() ^ 0x5DEECE66DL);
    double p1 = r.nextDouble() * 6.283;
    double p2 = r.nextDouble() * 6.283;
    double p3 = r.nextDouble() * 6.283;
    double f1 = 2 + 3 * r.nextDouble();
    double f2 = 3 + 4 * r.nextDouble();
    long salt = spec.jitterSeed();
    for (int j = 0; j < h; j++) {
      int cy = y0 + j;
      double v = (cy + 0.5) / canvas;
      for (int i = 0; i < w; i++) {
        int cx = x0 + i;
        double u = (cx + 0.5) / canvas;
        double tone =
            c.tone()
                * (Math.sin(f1 * u * 6.283 + p1) * Math.cos(f2 * v * 5.1 + p2)
                    + 0.5 * Math.sin((u + v) * 9.7 + p3));
        double du = u - 0.5;
        double dv = v - 0.5;
        double vig = c.vignette() * (du * du + dv * dv) * 2;
        double noise = c.grain() * (hash(cx, cy, salt) - 0.5) * 2;
        double f = 1 + tone + noise - vig;
        int px = rgb[j * w + i];
        int rr = clamp((int) Math.round(((px >> 16) & 0xff) * f));
        int gg = clamp((int) Math.round(((px >> 8) & 0xff) * f));
        int bb = clamp((int) Math.round((px & 0xff) * f));
        rgb[j * w + i] = (rr << 16) | (gg << 8) | bb;
      }
    }
    image.setRGB(0, 0, w, h, rgb, 0, w);
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(255, v);
  }

  private static double hash(int x, int y, long salt) {
    long z = salt + x * 0x9E3779B97F4A7C15L + y * 0xC2B2AE3D27D4EB4FL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }

  static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  /** Drawing primitives in normalised coordinates, with jitter and size-aware line widths. */
  static final class Pen {
    final Graphics2D g;
    final double s;
    final Palette c;
    final SplittableRandom j;
    final boolean handDrawn;
    final float outline;
    final float fine;
    final float heavy;
    final double washDx;
    final double washDy;
    final DrawingSpec spec;

    Pen(Graphics2D g, int size, DrawingSpec spec) {
      this.g = g;
      this.s = size;
      this.spec = spec;
      this.c = Palette.of(spec.style());
      this.j = new SplittableRandom(spec.jitterSeed());
      this.handDrawn = spec.style() != Style.BLUEPRINT;
      this.outline = (float) Math.max(1.0, size * 0.0062);
      this.fine = (float) Math.max(0.7, size * 0.0032);
      this.heavy = (float) Math.max(1.5, size * 0.011);
      this.washDx = (j.nextDouble() - 0.5) * 0.012;
      this.washDy = (j.nextDouble() - 0.5) * 0.012;
    }

    /** Whether a normalised length spans at least {@code px} pixels. */
    boolean big(double len, double px) {
      return len * s >= px;
    }

    /** Detail shading and hatching only appear on larger canvases. */
    boolean hatching() {
      return s >= 128;
    }

    double jit() {
      return (j.nextDouble() - 0.5) * 0.0026;
    }

    void background() {
      fillPx(new Rectangle2D.Double(0, 0, s, s), c.paper());
      if (c.grid() != null) {
        int n = 16;
        g.setColor(c.grid());
        g.setStroke(new BasicStroke((float) Math.max(0.6, s * 0.0018)));
        for (int i = 1; i < n; i++) {
          double t = i * s / n;
          g.draw(new Line2D.Double(t, 0, t, s));
          g.draw(new Line2D.Double(0, t, s, t));
        }
        g.setStroke(new BasicStroke((float) Math.max(0.4, s * 0.0009)));
        g.setColor(mix(c.paper(), c.grid(), 0.6));
        for (int i = 0; i < n * 4; i++) {
          if (i % 4 != 0) {
            double t = i * s / (n * 4);
            g.draw(new Line2D.Double(t, 0, t, s));
            g.draw(new Line2D.Double(0, t, s, t));
          }
        }
      }
    }

    Shape px(Shape norm) {
      return AffineTransform.getScaleInstance(s, s).createTransformedShape(norm);
    }

    void fillPx(Shape shape, Color col) {
      g.setColor(col);
      g.fill(shape);
    }

    /** Fills a normalised shape; washes are shifted a little, like a loose watercolour. */
    void fill(Shape norm, Color col) {
      if (col == null) {
        return;
      }
      Shape shape = norm;
      if (c.wash() && !col.equals(c.paper())) {
        shape = AffineTransform.getTranslateInstance(washDx, washDy).createTransformedShape(norm);
        g.setColor(c.paper());
        g.fill(px(norm));
      }
      fillPx(px(shape), col);
    }

    void stroke(Shape norm, float w, Color col) {
      g.setColor(col);
      g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(px(norm));
    }

    void dashed(Shape norm, float w, Color col, double dashNorm) {
      float d = (float) Math.max(2, dashNorm * s);
      g.setColor(col);
      g.setStroke(
          new BasicStroke(
              w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {d, d * 0.7f}, 0f));
      g.draw(px(norm));
    }

    /** A straight line with a little jitter, and overshoot at the ends for hand-drawn styles. */
    void line(double x1, double y1, double x2, double y2, float w, Color col) {
      x1 += jit();
      y1 += jit();
      x2 += jit();
      y2 += jit();
      if (handDrawn && hatching()) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.hypot(dx, dy);
        if (len > 0.02) {
          double o = 0.0035 / len;
          x1 -= dx * o;
          y1 -= dy * o;
          x2 += dx * o;
          y2 += dy * o;
        }
      }
      g.setColor(col);
      g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(new Line2D.Double(x1 * s, y1 * s, x2 * s, y2 * s));
    }

    void line(double x1, double y1, double x2, double y2) {
      line(x1, y1, x2, y2, outline, c.line());
    }

    void fineLine(double x1, double y1, double x2, double y2) {
      line(x1, y1, x2, y2, fine, c.fine());
    }

    /** A rectangle: filled, then outlined with four jittered lines. */
    void box(double l, double t, double r, double b, Color fill, float w) {
      fill(new Rectangle2D.Double(l, t, r - l, b - t), fill);
      line(l, t, r, t, w, c.line());
      line(r, t, r, b, w, c.line());
      line(r, b, l, b, w, c.line());
      line(l, b, l, t, w, c.line());
    }

    void box(double l, double t, double r, double b, Color fill) {
      box(l, t, r, b, fill, outline);
    }

    /** A closed polygon, filled and outlined. */
    void poly(Color fill, float w, double... xy) {
      Path2D.Double path = new Path2D.Double();
      path.moveTo(xy[0], xy[1]);
      for (int i = 2; i < xy.length; i += 2) {
        path.lineTo(xy[i], xy[i + 1]);
      }
      path.closePath();
      fill(path, fill);
      int n = xy.length / 2;
      for (int i = 0; i < n; i++) {
        int k = (i + 1) % n;
        line(xy[2 * i], xy[2 * i + 1], xy[2 * k], xy[2 * k + 1], w, c.line());
      }
    }

    /** Parallel fine lines clipped to a normalised shape. */
    void hatch(Shape norm, double spacing, double angleDeg) {
      Shape old = g.getClip();
      g.clip(px(norm));
      Rectangle2D b = norm.getBounds2D();
      double a = Math.toRadians(angleDeg);
      double dx = Math.cos(a);
      double dy = Math.sin(a);
      double cx = b.getCenterX();
      double cy = b.getCenterY();
      double rad = Math.hypot(b.getWidth(), b.getHeight()) / 2 + spacing;
      double step = Math.max(spacing, 2.6 / s);
      g.setColor(mix(c.paper(), c.fine(), 0.75));
      g.setStroke(new BasicStroke(fine * 0.85f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
      for (double o = -rad; o <= rad; o += step) {
        double px0 = cx - dy * o - dx * rad;
        double py0 = cy + dx * o - dy * rad;
        double px1 = cx - dy * o + dx * rad;
        double py1 = cy + dx * o + dy * rad;
        g.draw(new Line2D.Double(px0 * s, py0 * s, px1 * s, py1 * s));
      }
      g.setClip(old);
    }
  }

  /** Front elevation: facade, windows, columns, roof, dome, towers, stairs, ground. */
  static final class Elevation {
    final Pen p;
    final DrawingSpec d;
    final Layout L;
    final Palette c;
    final double cx;
    final double gy;
    final double left;
    final double right;
    final double base;
    final double top;
    final double plinth;
    final double cornice;

    Elevation(Pen p, DrawingSpec d) {
      this.p = p;
      this.d = d;
      this.L = d.layout();
      this.c = Palette.of(d.style());
      this.cx = L.centerX();
      this.gy = L.ground();
      this.left = cx - L.width() / 2;
      this.right = cx + L.width() / 2;
      this.plinth =
          d.type() == BuildingType.TEMPLE_FRONT
              ? (d.stairs() ? 0.036 : 0.016)
              : d.stairs() ? 0.035 : 0;
      this.base = gy - plinth;
      this.top = base - L.height();
      this.cornice = 0.014;
    }

    void draw() {
      sky();
      if (d.type() == BuildingType.DOMED_HALL) {
        dome(cx, top - cornice, L.domeRadius(), true);
      }
      if (d.type() == BuildingType.HOUSE && d.roof() != RoofType.FLAT) {
        chimney();
      }
      body();
      if (d.type() == BuildingType.ARCADE) {
        arcade();
      }
      windows();
      if (d.door()) {
        door();
      }
      roof();
      if (d.columns() > 0 && d.type() != BuildingType.ARCADE) {
        portico();
      } else if (d.pediment() && d.roof() != RoofType.GABLED) {
        pediment(cx - L.width() * 0.22, cx + L.width() * 0.22, top - cornice, L.width() * 0.09);
      }
      if (d.type() == BuildingType.TOWER && d.roof() == RoofType.DOME) {
        dome(cx, top - cornice, L.domeRadius() * 0.95, false);
      }
      towers();
      stairs();
      ground();
    }

    void sky() {
      if (c.sky() != null) {
        Shape sky = new Rectangle2D.Double(0.04, 0.04, 0.92, gy - 0.04);
        p.g.setPaint(
            new GradientPaint(
                0f,
                (float) (0.04 * p.s),
                c.sky(),
                0f,
                (float) (gy * p.s),
                mix(c.sky(), c.paper(), 0.75)));
        p.g.fill(p.px(sky));
        p.fill(new Rectangle2D.Double(0.04, gy, 0.92, 0.96 - gy), c.ground());
      }
    }

    void body() {
      double w = L.width();
      if (plinth > 0 && d.type() != BuildingType.TEMPLE_FRONT) {
        p.box(left - 0.008, base, right + 0.008, gy, c.wall());
      }
      double l = left;
      double r = right;
      if (d.type() == BuildingType.TEMPLE_FRONT) {
        l = left + w * 0.06;
        r = right - w * 0.06;
      }
      p.box(l, top, r, base, c.wall());
      if (p.hatching() && d.type() != BuildingType.TEMPLE_FRONT) {
        // Shade the right edge of the facade and a base course.
        p.hatch(new Rectangle2D.Double(r - w * 0.05, top, w * 0.05, base - top), 0.011, 60);
      }
      // Cornice band.
      p.box(l - 0.012, top - cornice, r + 0.012, top, c.wall());
      if (p.big(cornice, 4)) {
        p.fineLine(l - 0.006, top + 0.006, r + 0.006, top + 0.006);
      }
      // String courses between storeys.
      int rows = d.windowRows();
      if (rows > 1 && p.big(L.height(), 40) && d.type() != BuildingType.ARCADE) {
        double ch = (base - top - 0.02) / rows;
        for (int i = 1; i < rows; i++) {
          double y = top + 0.02 + i * ch - ch * 0.06;
          p.fineLine(l, y, r, y);
        }
      }
      // Quoins at large sizes.
      if (p.hatching() && d.type() == BuildingType.HOUSE || p.s >= 200) {
        double q = 0.018;
        for (double y = base - q; y > top + q * 0.5; y -= q) {
          int k = (int) Math.round((base - y) / q);
          double qw = k % 2 == 0 ? 0.03 : 0.018;
          p.fineLine(l, y, l + qw, y);
          p.fineLine(r, y, r - qw, y);
        }
      }
    }

    void chimney() {
      double x = cx + L.width() * 0.22;
      double w = Math.max(0.03, L.width() * 0.07);
      double ridge = top - cornice - L.roofHeight();
      p.box(x, ridge - 0.02, x + w, top - cornice - L.roofHeight() * 0.3, c.wall());
      p.box(x - 0.004, ridge - 0.03, x + w + 0.004, ridge - 0.02, c.wall());
    }

    double[] windowRegion() {
      double w = L.width();
      double m = d.type() == BuildingType.TOWER ? w * 0.12 : w * 0.06;
      double bottom = base - 0.012;
      if (d.type() == BuildingType.ARCADE) {
        bottom = arcadeTop() - 0.01;
      }
      return new double[] {left + m, top + 0.02, right - m, bottom};
    }

    double arcadeTop() {
      double h = base - top;
      return d.windowRows() == 0 ? top + 0.03 : base - Math.min(h * 0.55, 0.16);
    }

    void windows() {
      int rows = d.windowRows();
      int cols = d.windowCols();
      if (rows == 0 || cols == 0) {
        return;
      }
      double[] reg = windowRegion();
      double cw = (reg[2] - reg[0]) / cols;
      double ch = (reg[3] - reg[1]) / rows;
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < cols; k++) {
          double x0 = reg[0] + k * cw;
          double y0 = reg[1] + i * ch;
          double wx = x0 + cw / 2;
          if (behindDoor(i, k)) {
            continue;
          }
          double ww = cw * 0.48;
          double wh = ch * 0.62;
          window(wx, y0 + ch * 0.16, ww, wh, d.windowShape());
        }
      }
    }

    /** Whether window (row, col) of the facade grid gives way to the door. */
    boolean behindDoor(int row, int col) {
      double[] reg = windowRegion();
      double cw = (reg[2] - reg[0]) / d.windowCols();
      double wx = reg[0] + col * cw + cw / 2;
      return d.door()
          && row == d.windowRows() - 1
          && Math.abs(wx - cx) < doorWidth() / 2 + cw * 0.3;
    }

    /** Windows actually drawn on the facade grid. */
    int visibleWindows() {
      int n = 0;
      for (int i = 0; i < d.windowRows(); i++) {
        for (int k = 0; k < d.windowCols(); k++) {
          n += behindDoor(i, k) ? 0 : 1;
        }
      }
      return n;
    }

    /** One window centred at {@code x}, top {@code t}. */
    void window(double x, double t, double w, double h, WindowShape shape) {
      double l = x - w / 2;
      double r = x + w / 2;
      double b = t + h;
      switch (shape) {
        case ROUND -> {
          double dia = Math.min(w * 1.1, h * 0.8);
          double cy = t + h / 2;
          Shape o = new Ellipse2D.Double(x - dia / 2, cy - dia / 2, dia, dia);
          p.fill(o, c.glass());
          p.stroke(o, p.outline, c.line());
          if (p.big(dia, 9)) {
            double in = dia * 0.14;
            p.stroke(
                new Ellipse2D.Double(
                    x - dia / 2 - in, cy - dia / 2 - in, dia + 2 * in, dia + 2 * in),
                p.fine,
                c.fine());
            p.fineLine(x - dia / 2, cy, x + dia / 2, cy);
            p.fineLine(x, cy - dia / 2, x, cy + dia / 2);
          }
        }
        case ARCHED -> {
          double rad = w / 2;
          Path2D.Double path = new Path2D.Double();
          path.moveTo(l, b);
          path.lineTo(l, t + rad);
          path.append(new Arc2D.Double(l, t, w, 2 * rad, 180, -180, Arc2D.OPEN), true);
          path.lineTo(r, b);
          path.closePath();
          p.fill(path, c.glass());
          p.stroke(path, p.outline, c.line());
          if (p.big(w, 8)) {
            p.stroke(
                new Arc2D.Double(
                    l - w * 0.12,
                    t - w * 0.12,
                    w * 1.24,
                    2 * rad + w * 0.24,
                    180,
                    -180,
                    Arc2D.OPEN),
                p.fine,
                c.fine());
            p.fineLine(x, t, x, b);
            p.fineLine(l, t + rad, r, t + rad);
          }
          sill(l, r, b);
          if (p.hatching()) {
            p.hatch(path, 0.01, 45);
          }
        }
        default -> {
          p.box(l, t, r, b, c.glass());
          if (p.big(w, 8)) {
            p.fineLine(x, t, x, b);
            p.fineLine(l, t + h * 0.4, r, t + h * 0.4);
            // Lintel.
            p.fineLine(l - w * 0.12, t - h * 0.06, r + w * 0.12, t - h * 0.06);
          }
          sill(l, r, b);
          if (p.hatching()) {
            p.hatch(new Rectangle2D.Double(l, t, w, h), 0.01, 45);
          }
        }
      }
    }

    void sill(double l, double r, double b) {
      double w = r - l;
      if (p.big(w, 5)) {
        p.line(l - w * 0.14, b + 0.004, r + w * 0.14, b + 0.004, p.fine, c.line());
      }
    }

    double doorWidth() {
      double w = L.width();
      return switch (d.type()) {
        case TOWER -> w * 0.36;
        case TEMPLE_FRONT -> w * 0.13;
        default -> Math.min(0.075, w * 0.13);
      };
    }

    void door() {
      double dw = doorWidth();
      double h = base - top;
      double dh =
          d.type() == BuildingType.TEMPLE_FRONT
              ? h * 0.5
              : d.windowRows() > 0 ? Math.min(h / d.windowRows() * 0.8, h * 0.6) : h * 0.5;
      dh = Math.max(dh, dw * 1.3);
      double l = cx - dw / 2;
      double r = cx + dw / 2;
      double t = base - dh;
      boolean arched = d.windowShape() == WindowShape.ARCHED;
      Path2D.Double path = new Path2D.Double();
      path.moveTo(l, base);
      if (arched) {
        path.lineTo(l, t + dw / 2);
        path.append(new Arc2D.Double(l, t, dw, dw, 180, -180, Arc2D.OPEN), true);
      } else {
        path.lineTo(l, t);
        path.lineTo(r, t);
      }
      path.lineTo(r, base);
      path.closePath();
      p.fill(path, c.voids());
      p.stroke(path, p.outline, c.line());
      if (p.big(dw, 10)) {
        double sp = arched ? t + dw / 2 : t;
        p.fineLine(cx, sp, cx, base);
        double in = dw * 0.12;
        p.stroke(
            new Rectangle2D.Double(l + in, sp + in, dw / 2 - 2 * in, (base - sp) * 0.4),
            p.fine,
            c.fine());
        p.stroke(
            new Rectangle2D.Double(cx + in, sp + in, dw / 2 - 2 * in, (base - sp) * 0.4),
            p.fine,
            c.fine());
      }
      if (!arched && p.big(dw, 6)) {
        // Door case and hood.
        p.box(l - dw * 0.15, t - dw * 0.16, r + dw * 0.15, t - dw * 0.02, c.wall(), p.fine);
      }
    }

    void arcade() {
      int n = d.arches();
      double at = arcadeTop();
      double w = L.width();
      double bay = w / n;
      double pier = bay * (d.columns() > 0 ? 0.16 : 0.24);
      double open = bay - pier;
      double rad = open / 2;
      double spring = Math.max(at + rad + 0.01, base - (base - at) * 0.45);
      spring = Math.min(spring, base - 0.02);
      for (int i = 0; i < n; i++) {
        double l = left + i * bay + pier / 2;
        double r = l + open;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(l, base);
        path.lineTo(l, spring);
        path.append(new Arc2D.Double(l, spring - rad, open, 2 * rad, 180, -180, Arc2D.OPEN), true);
        path.lineTo(r, base);
        path.closePath();
        p.fill(path, c.voids());
        p.stroke(path, p.outline, c.line());
        if (p.big(open, 8)) {
          double e = Math.min(pier * 0.35, 0.012);
          p.stroke(
              new Arc2D.Double(
                  l - e, spring - rad - e, open + 2 * e, 2 * rad + 2 * e, 180, -180, Arc2D.OPEN),
              p.fine,
              c.line());
          double kx = l + open / 2;
          p.box(
              kx - e * 0.6,
              spring - rad - e * 1.2,
              kx + e * 0.6,
              spring - rad + e * 0.3,
              c.wall(),
              p.fine);
        }
        if (p.hatching()) {
          p.hatch(path, 0.009, 40);
        }
        // Impost line at the springing.
        if (p.big(pier, 4)) {
          p.fineLine(l - pier * 0.3, spring, l, spring);
          p.fineLine(r, spring, r + pier * 0.3, spring);
        }
      }
      if (d.columns() > 0) {
        double cw = Math.max(pier * 0.75, 1.5 / p.s);
        for (int i = 0; i <= n; i++) {
          double x = left + i * bay;
          column(x, spring, base, cw);
        }
      }
      // Band over the arcade.
      if (d.windowRows() > 0) {
        p.box(left - 0.006, at - 0.012, right + 0.006, at - 0.002, c.wall(), p.fine);
      }
    }

    void roof() {
      double w = L.width();
      double eaves = top - cornice;
      double ov = 0.018;
      double rh = L.roofHeight();
      switch (d.roof()) {
        case FLAT -> {
          if (d.type() == BuildingType.TOWER) {
            battlements(left - 0.012, right + 0.012, eaves);
          } else {
            double h = 0.024;
            p.box(left, eaves - h, right, eaves, c.wall());
            if (p.big(h, 6)) {
              double step = Math.max(0.012, 3.0 / p.s);
              for (double x = left + step; x < right - step / 2; x += step) {
                p.fineLine(x, eaves - h * 0.8, x, eaves - h * 0.1);
              }
            }
          }
        }
        case GABLED -> {
          if (d.type() == BuildingType.TEMPLE_FRONT) {
            return; // the pediment is the gable
          }
          if (d.pediment() && d.columns() == 0) {
            pediment(left - ov, right + ov, eaves, rh);
          } else {
            double[] tri = {left - ov, eaves, cx, eaves - rh, right + ov, eaves};
            p.poly(c.roof(), p.outline, tri);
            if (p.hatching()) {
              Path2D.Double path = triangle(tri);
              p.hatch(path, 0.012, 0);
            }
            if (d.type() == BuildingType.HOUSE && p.big(rh, 20)) {
              double dia = rh * 0.28;
              Shape o = new Ellipse2D.Double(cx - dia / 2, eaves - rh * 0.48 - dia / 2, dia, dia);
              p.fill(o, c.glass());
              p.stroke(o, p.fine, c.line());
            }
          }
        }
        case HIPPED -> {
          if (d.type() == BuildingType.TOWER) {
            double sh = rh * 1.5;
            double[] tri = {left - ov, eaves, cx, eaves - sh, right + ov, eaves};
            p.poly(c.roof(), p.outline, tri);
            if (p.hatching()) {
              p.hatch(triangle(tri), 0.012, 0);
            }
            p.line(cx, eaves - sh, cx, eaves - sh - 0.03, p.fine, c.line());
            return;
          }
          double ridge = w * 0.22;
          double[] trap = {
            left - ov,
            eaves,
            cx - ridge,
            eaves - rh * 0.8,
            cx + ridge,
            eaves - rh * 0.8,
            right + ov,
            eaves
          };
          p.poly(c.roof(), p.outline, trap);
          if (p.hatching()) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(trap[0], trap[1]);
            for (int i = 2; i < trap.length; i += 2) {
              path.lineTo(trap[i], trap[i + 1]);
            }
            path.closePath();
            p.hatch(path, 0.012, 0);
          }
        }
        default -> {}
      }
    }

    Path2D.Double triangle(double[] tri) {
      Path2D.Double path = new Path2D.Double();
      path.moveTo(tri[0], tri[1]);
      path.lineTo(tri[2], tri[3]);
      path.lineTo(tri[4], tri[5]);
      path.closePath();
      return path;
    }

    void battlements(double l, double r, double y) {
      int n = Math.max(3, (int) Math.round((r - l) / 0.03)) | 1;
      double mw = (r - l) / n;
      double mh = Math.max(0.018, mw * 0.7);
      p.box(l, y - 0.01, r, y, c.wall());
      for (int i = 0; i < n; i += 2) {
        p.box(l + i * mw, y - 0.01 - mh, l + (i + 1) * mw, y - 0.01, c.wall());
      }
    }

    void pediment(double l, double r, double b, double h) {
      double[] tri = {l, b, (l + r) / 2, b - h, r, b};
      p.poly(c.roof().equals(c.paper()) ? c.wall() : c.wall(), p.outline, tri);
      if (p.big(h, 10)) {
        double in = Math.min(h * 0.22, 0.012);
        double slope = h / ((r - l) / 2);
        double dx = in * Math.sqrt(1 + slope * slope) / slope + in;
        double[] inner = {l + dx, b - in, (l + r) / 2, b - h + in * 1.8, r - dx, b - in};
        Path2D.Double path = triangle(inner);
        p.stroke(path, p.fine, c.fine());
        if (p.hatching()) {
          p.hatch(path, 0.012, 120);
        }
      }
    }

    void portico() {
      int n = d.columns();
      double pw = L.porticoWidth();
      double pl = cx - pw / 2;
      double pr = cx + pw / 2;
      double ent = Math.max(0.028, Math.min(0.045, L.height() * 0.12));
      double entB = top + ent - cornice;
      double entT = entB - ent;
      double colW = Math.min(0.045, pw / n * 0.42);
      double cb = base;
      double span = pw - colW;
      for (int i = 0; i < n; i++) {
        double x = pl + colW / 2 + span * i / (n - 1);
        column(x, entB, cb, colW);
      }
      // Entablature.
      p.box(pl - colW * 0.35, entT, pr + colW * 0.35, entB, c.wall());
      if (p.big(ent, 8)) {
        p.fineLine(pl - colW * 0.35, entB - ent * 0.4, pr + colW * 0.35, entB - ent * 0.4);
        p.fineLine(pl - colW * 0.35, entT + ent * 0.25, pr + colW * 0.35, entT + ent * 0.25);
      }
      if (d.pediment()) {
        double ph =
            d.type() == BuildingType.TEMPLE_FRONT ? L.roofHeight() : Math.max(0.05, pw * 0.2);
        pediment(pl - colW * 0.6, pr + colW * 0.6, entT, ph);
      }
    }

    /** A column from {@code top} (underside of the entablature) to {@code bottom}. */
    void column(double x, double top, double bottom, double w) {
      boolean detail = p.big(w, 5);
      double capH = detail ? w * 0.45 : 0;
      double baseH = detail ? w * 0.3 : 0;
      double st = top + capH;
      double sb = bottom - baseH;
      double tw = w * 0.84;
      p.poly(c.column(), p.outline, x - w / 2, sb, x - tw / 2, st, x + tw / 2, st, x + w / 2, sb);
      if (detail) {
        // Capital: abacus and echinus.
        p.box(x - w * 0.7, top, x + w * 0.7, top + capH * 0.4, c.column(), p.fine);
        p.poly(
            c.column(),
            p.fine,
            x - w * 0.62,
            top + capH * 0.4,
            x + w * 0.62,
            top + capH * 0.4,
            x + tw / 2,
            st,
            x - tw / 2,
            st);
        // Base: plinth and torus.
        p.box(x - w * 0.68, bottom - baseH * 0.45, x + w * 0.68, bottom, c.column(), p.fine);
        p.box(x - w * 0.58, sb, x + w * 0.58, bottom - baseH * 0.45, c.column(), p.fine);
      }
      if (p.big(w, 12)) {
        for (int k = -1; k <= 1; k++) {
          double fx = x + k * w * 0.22;
          p.fineLine(fx, st + 0.004, fx, sb - 0.004);
        }
      }
      if (p.hatching()) {
        Path2D.Double shade = new Path2D.Double();
        shade.moveTo(x + w * 0.15, sb);
        shade.lineTo(x + tw * 0.15, st);
        shade.lineTo(x + tw / 2, st);
        shade.lineTo(x + w / 2, sb);
        shade.closePath();
        p.hatch(shade, 0.008, 100);
      }
    }

    void dome(double x, double b, double r, boolean drum) {
      double y = b;
      if (drum) {
        double dh = Math.max(0.03, r * 0.32);
        double dw = r * 0.86;
        p.box(x - dw, y - dh, x + dw, y, c.wall());
        int n = 5;
        if (p.big(dh, 10)) {
          for (int i = 0; i < n; i++) {
            double wx = x - dw + (i + 0.5) * (2 * dw / n);
            window(wx, y - dh * 0.8, dw / n * 0.7, dh * 0.6, WindowShape.ARCHED);
          }
        }
        p.box(x - dw - 0.008, y - dh - 0.01, x + dw + 0.008, y - dh, c.wall(), p.fine);
        y -= dh + 0.01;
        r = dw * 0.98;
      }
      double h = r * 1.02;
      Arc2D.Double shell = new Arc2D.Double(x - r, y - h, 2 * r, 2 * h, 0, 180, Arc2D.CHORD);
      p.fill(shell, c.dome());
      p.stroke(shell, p.outline, c.line());
      if (p.big(r, 8)) {
        for (double k : new double[] {0.42, 0.78}) {
          p.stroke(
              new Arc2D.Double(x - r * k, y - h, 2 * r * k, 2 * h, 0, 180, Arc2D.OPEN),
              p.fine,
              c.fine());
        }
      }
      if (p.hatching()) {
        Area shade = new Area(shell);
        shade.intersect(new Area(new Rectangle2D.Double(x + r * 0.55, y - h, r, h)));
        p.hatch(shade, 0.009, 75);
      }
      // Lantern and finial.
      double lw = Math.max(r * 0.13, 1.5 / p.s);
      double lh = r * 0.3;
      double lt = y - h - lh + r * 0.03;
      p.box(x - lw, lt, x + lw, y - h + r * 0.03, c.wall(), p.fine);
      Arc2D.Double cap =
          new Arc2D.Double(x - lw * 1.2, lt - lw, lw * 2.4, lw * 2, 0, 180, Arc2D.CHORD);
      p.fill(cap, c.dome());
      p.stroke(cap, p.fine, c.line());
      p.line(x, lt - lw, x, lt - lw - r * 0.18, p.fine, c.line());
    }

    void towers() {
      int n = d.towers();
      if (n == 0) {
        return;
      }
      double tw = L.towerWidth();
      double th = L.towerHeight();
      boolean rightOnly = n == 1 && (d.jitterSeed() & 1) == 0;
      for (int side = 0; side < 2; side++) {
        if (n == 1 && (side == 0) == rightOnly) {
          continue;
        }
        double tl = side == 0 ? left - tw * 0.6 : right - tw * 0.4;
        tower(tl, tl + tw, gy - th - plinth, gy);
      }
    }

    void tower(double l, double r, double t, double b) {
      double w = r - l;
      double x = (l + r) / 2;
      p.box(l, t, r, b, c.wall());
      if (p.hatching()) {
        p.hatch(new Rectangle2D.Double(r - w * 0.18, t, w * 0.18, b - t), 0.01, 60);
      }
      p.box(l - 0.008, t - 0.012, r + 0.008, t, c.wall());
      // A column of windows and a belfry opening near the top.
      double ww = w * 0.32;
      double bel = Math.min(0.07, (b - t) * 0.25);
      window(x, t + 0.015, w * 0.45, bel, WindowShape.ARCHED);
      int rows = (int) ((b - t - bel - 0.06) / 0.075);
      for (int i = 0; i < rows; i++) {
        double wt = t + 0.03 + bel + i * 0.075;
        window(x, wt, ww, 0.04, d.windowShape());
      }
      double eaves = t - 0.012;
      if (d.roof() == RoofType.DOME) {
        dome(x, eaves, w * 0.5, false);
      } else if (d.roof() == RoofType.FLAT) {
        battlements(l - 0.008, r + 0.008, eaves);
      } else {
        double sh = w * 1.6;
        double[] tri = {l - 0.01, eaves, x, eaves - sh, r + 0.01, eaves};
        p.poly(c.roof(), p.outline, tri);
        if (p.hatching()) {
          p.hatch(triangle(tri), 0.012, 0);
        }
        p.line(x, eaves - sh, x, eaves - sh - 0.025, p.fine, c.line());
      }
    }

    void stairs() {
      double w = L.width();
      if (d.type() == BuildingType.TEMPLE_FRONT) {
        int n = d.stairs() ? 3 : 1;
        double sh = plinth / n;
        for (int k = 0; k < n; k++) {
          double ext = 0.012 + k * 0.012;
          p.box(left - ext, base + k * sh, right + ext, base + (k + 1) * sh, c.wall(), p.fine);
        }
        return;
      }
      if (!d.stairs()) {
        return;
      }
      double sw = d.door() ? doorWidth() * 2.2 : w * 0.5;
      int n = 4;
      double sh = plinth / n;
      for (int k = 0; k < n; k++) {
        double ext = k * 0.008;
        p.box(
            cx - sw / 2 - ext,
            base + k * sh,
            cx + sw / 2 + ext,
            base + (k + 1) * sh,
            c.wall(),
            p.fine);
      }
    }

    void ground() {
      p.line(0.03, gy, 0.97, gy, p.heavy, c.line());
      if (p.s >= 96) {
        double step = 0.022;
        for (double x = 0.05; x < 0.95; x += step) {
          p.line(x, gy + 0.004, x - 0.012, gy + 0.018, p.fine, c.fine());
        }
      }
    }
  }

  /** Ground plan: walls as thick lines with openings, columns, dome, towers, stairs. */
  static final class Plan {
    final Pen p;
    final DrawingSpec d;
    final Layout L;
    final Palette c;
    final double cx;
    final double cy;
    final double w;
    final double h;
    final double wt;
    final double l;
    final double r;
    final double t;
    final double b;

    Plan(Pen p, DrawingSpec d) {
      this.p = p;
      this.d = d;
      this.L = d.layout();
      this.c = p.c;
      boolean tower = d.type() == BuildingType.TOWER;
      this.w = tower ? L.depth() : Math.max(0.4, Math.min(0.78, L.width() * 1.05));
      this.h = L.depth();
      double front =
          (d.columns() > 0 && d.type() != BuildingType.ARCADE ? 0.07 : 0) + (d.stairs() ? 0.07 : 0);
      this.cx = L.centerX();
      this.cy = Math.min(0.5, 0.9 - front - h / 2) - 0.02;
      this.wt = Math.max(1.8 / p.s, 0.016);
      this.l = cx - w / 2;
      this.r = cx + w / 2;
      this.t = cy - h / 2;
      this.b = cy + h / 2;
    }

    void draw() {
      if (c.wash()) {
        p.fill(new Rectangle2D.Double(0.05, 0.05, 0.9, 0.9), c.ground());
        p.fill(new Rectangle2D.Double(l, t, w, h), c.floor());
      }
      if (d.dome()) {
        double rad = Math.min(w, h) * 0.36;
        Shape o = new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad);
        if (c.wash()) {
          p.fill(o, c.dome());
        }
        p.stroke(o, p.outline, c.line());
        double in = rad * 0.8;
        p.dashed(new Ellipse2D.Double(cx - in, cy - in, 2 * in, 2 * in), p.fine, c.fine(), 0.015);
        if (p.big(rad, 12)) {
          p.fineLine(cx - in, cy, cx + in, cy);
          p.fineLine(cx, cy - in, cx, cy + in);
        }
      }
      int cols = Math.max(d.windowCols(), 0);
      double dw = Math.min(0.085, w * 0.22);
      // Front wall (bottom).
      if (d.type() == BuildingType.ARCADE) {
        arcadeFront();
      } else {
        wall(l, b, r, b, openings(cols, d.door() ? dw : 0, l, r), true);
      }
      // Back wall (top), side walls.
      wall(l, t, r, t, openings(cols, 0, l, r), false);
      int side = Math.max(1, (int) Math.round(h / 0.14));
      if (d.windows() == 0) {
        side = 0;
      }
      wall(l, t, l, b, openings(side, 0, t, b), false);
      wall(r, t, r, b, openings(side, 0, t, b), false);
      partitions();
      if (d.columns() > 0 && d.type() != BuildingType.ARCADE) {
        colonnade();
      }
      towers();
      stairs(dw);
      if (p.s >= 96) {
        dimension();
      }
      if (p.hatching()) {
        north();
      }
    }

    /** Openings along a wall from {@code a} to {@code z}: windows in bays, a central door. */
    double[][] openings(int n, double door, double a, double z) {
      double len = z - a;
      java.util.List<double[]> out = new java.util.ArrayList<>();
      if (door > 0) {
        double m = (a + z) / 2;
        out.add(new double[] {m - door / 2, m + door / 2, 1});
      }
      for (int i = 0; i < n; i++) {
        double m = a + len * (i + 0.5) / n;
        double ow = Math.min(len / n * 0.5, 0.07);
        if (!p.big(ow, 3)) {
          continue; // too small to read: keep the wall solid
        }
        if (door > 0 && Math.abs(m - (a + z) / 2) < door / 2 + ow * 0.8) {
          continue;
        }
        out.add(new double[] {m - ow / 2, m + ow / 2, 0});
      }
      out.sort((u, v) -> Double.compare(u[0], v[0]));
      return out.toArray(new double[0][]);
    }

    /** A wall from (x1,y1) to (x2,y2), axis-aligned, with openings along it. */
    void wall(double x1, double y1, double x2, double y2, double[][] open, boolean front) {
      boolean horizontal = y1 == y2;
      double a = horizontal ? x1 : y1;
      double z = horizontal ? x2 : y2;
      double at = horizontal ? y1 : x1;
      double pos = a - wt / 2;
      for (double[] o : open) {
        segment(horizontal, at, pos, o[0]);
        if (o[2] == 0) {
          windowOpening(horizontal, at, o[0], o[1]);
        } else {
          doorSwing(horizontal, at, o[0], o[1], front);
        }
        pos = o[1];
      }
      segment(horizontal, at, pos, z + wt / 2);
    }

    void segment(boolean horizontal, double at, double from, double to) {
      if (to <= from) {
        return;
      }
      Rectangle2D.Double rect =
          horizontal
              ? new Rectangle2D.Double(from, at - wt / 2, to - from, wt)
              : new Rectangle2D.Double(at - wt / 2, from, wt, to - from);
      p.fill(rect, c.line());
    }

    void windowOpening(boolean horizontal, double at, double a, double z) {
      double e = wt / 2;
      if (horizontal) {
        p.line(a, at - e, z, at - e, p.fine, c.line());
        p.line(a, at + e, z, at + e, p.fine, c.line());
        p.line(a, at, z, at, p.fine, c.fine());
      } else {
        p.line(at - e, a, at - e, z, p.fine, c.line());
        p.line(at + e, a, at + e, z, p.fine, c.line());
        p.line(at, a, at, z, p.fine, c.fine());
      }
    }

    void doorSwing(boolean horizontal, double at, double a, double z, boolean front) {
      double len = z - a;
      if (!horizontal) {
        return;
      }
      // Leaf hinged at a, swinging inwards (up for the front wall).
      double dir = front ? -1 : 1;
      p.line(a, at, a, at + dir * len, p.fine, c.line());
      Arc2D.Double arc =
          new Arc2D.Double(a - len, at - len, 2 * len, 2 * len, 0, front ? 90 : -90, Arc2D.OPEN);
      p.stroke(arc, p.fine, c.fine());
    }

    void arcadeFront() {
      int n = d.arches();
      double bay = w / n;
      double pier = Math.max(wt * 1.6, bay * 0.16);
      for (int i = 0; i <= n; i++) {
        double x = l + i * bay;
        if (d.columns() > 0) {
          double rad = pier * 0.6;
          Shape o = new Ellipse2D.Double(x - rad, b - rad, 2 * rad, 2 * rad);
          p.fill(o, c.line());
        } else {
          p.fill(new Rectangle2D.Double(x - pier / 2, b - pier / 2, pier, pier), c.line());
        }
        if (i < n) {
          p.dashed(
              new Line2D.Double(x + pier / 2, b, x + bay - pier / 2, b), p.fine, c.fine(), 0.01);
        }
      }
      // Inner wall of the gallery with doors into the building.
      double gy = b - h * 0.32;
      double dw = Math.min(0.06, bay * 0.5);
      java.util.List<double[]> doors = new java.util.ArrayList<>();
      for (int i = 1; i < n; i += 2) {
        double m = l + (i + 0.5) * bay;
        doors.add(new double[] {m - dw / 2, m + dw / 2, 1});
      }
      wall(l, gy, r, gy, doors.toArray(new double[0][]), true);
      if (p.big(bay, 10)) {
        for (int i = 0; i <= n; i++) {
          double x = l + i * bay;
          p.dashed(new Line2D.Double(x, gy, x, b), p.fine * 0.8f, c.fine(), 0.008);
        }
      }
    }

    void partitions() {
      if (d.type() == BuildingType.HOUSE || d.type() == BuildingType.HALL && d.windowRows() > 1) {
        double x = cx - w * 0.18;
        double gap = Math.min(0.06, h * 0.2);
        double thin = wt * 0.6;
        double m = cy - h * 0.1;
        p.fill(new Rectangle2D.Double(x - thin / 2, t, thin, m - gap / 2 - t), c.line());
        p.fill(new Rectangle2D.Double(x - thin / 2, m + gap / 2, thin, b - m - gap / 2), c.line());
        if (d.type() == BuildingType.HOUSE) {
          double y = cy - h * 0.05;
          double x2 = cx + w * 0.12;
          p.fill(new Rectangle2D.Double(x2, y - thin / 2, r - x2, thin), c.line());
        }
      }
      if (d.type() == BuildingType.TEMPLE_FRONT) {
        // Cella cross wall behind the pronaos.
        double y = b - h * 0.28;
        double dw = Math.min(0.07, w * 0.14);
        p.fill(new Rectangle2D.Double(l, y - wt / 2, w / 2 - dw / 2, wt), c.line());
        p.fill(new Rectangle2D.Double(cx + dw / 2, y - wt / 2, w / 2 - dw / 2, wt), c.line());
      }
    }

    void colonnade() {
      int n = d.columns();
      double pw = d.type() == BuildingType.TEMPLE_FRONT ? w : Math.min(w, L.porticoWidth() * 1.05);
      double y = b + 0.055;
      double rad = Math.max(1.6 / p.s, Math.min(0.016, pw / n * 0.2));
      double pl = cx - pw / 2 + rad;
      double span = pw - 2 * rad;
      // Portico floor outline.
      p.stroke(
          new Rectangle2D.Double(cx - pw / 2 - rad, b, pw + 2 * rad, y - b + rad * 2.2),
          p.fine,
          c.fine());
      for (int i = 0; i < n; i++) {
        double x = pl + span * i / (n - 1);
        Shape o = new Ellipse2D.Double(x - rad, y - rad, 2 * rad, 2 * rad);
        p.fill(o, c.line());
        if (p.big(rad, 4)) {
          p.stroke(
              new Rectangle2D.Double(x - rad * 1.3, y - rad * 1.3, rad * 2.6, rad * 2.6),
              p.fine,
              c.fine());
        }
      }
    }

    double frontEdge() {
      return d.columns() > 0 && d.type() != BuildingType.ARCADE ? b + 0.085 : b + wt / 2;
    }

    void stairs(double dw) {
      if (!d.stairs()) {
        return;
      }
      double sw =
          d.type() == BuildingType.TEMPLE_FRONT || d.type() == BuildingType.ARCADE
              ? w * 0.8
              : Math.max(dw * 2, w * 0.25);
      double y0 = frontEdge();
      double depth = 0.06;
      Rectangle2D.Double rect = new Rectangle2D.Double(cx - sw / 2, y0, sw, depth);
      p.fill(rect, c.wall());
      p.stroke(rect, p.outline, c.line());
      int n = 5;
      for (int i = 1; i < n; i++) {
        double y = y0 + depth * i / n;
        p.fineLine(cx - sw / 2, y, cx + sw / 2, y);
      }
      if (p.big(depth, 16)) {
        p.fineLine(cx, y0 + depth * 0.9, cx, y0 + depth * 0.15);
        p.poly(
            c.line(),
            p.fine,
            cx - 0.006,
            y0 + depth * 0.25,
            cx + 0.006,
            y0 + depth * 0.25,
            cx,
            y0 + depth * 0.1);
      }
    }

    void towers() {
      int n = d.towers();
      if (n == 0) {
        return;
      }
      double s = L.towerWidth() * 1.1;
      boolean rightOnly = n == 1 && (d.jitterSeed() & 1) == 0;
      for (int side = 0; side < 2; side++) {
        if (n == 1 && (side == 0) == rightOnly) {
          continue;
        }
        double x = side == 0 ? l : r;
        double tl = x - s / 2;
        double tt = b - s / 2;
        Rectangle2D.Double sq = new Rectangle2D.Double(tl, tt, s, s);
        p.fill(sq, c.wash() ? c.floor() : c.paper());
        Area ring = new Area(sq);
        ring.subtract(new Area(new Rectangle2D.Double(tl + wt, tt + wt, s - 2 * wt, s - 2 * wt)));
        p.fill(ring, c.line());
        if (p.big(s, 14)) {
          Rectangle2D.Double st =
              new Rectangle2D.Double(tl + s * 0.3, tt + s * 0.3, s * 0.4, s * 0.4);
          p.stroke(st, p.fine, c.fine());
          p.hatch(st, 0.008, 0);
        }
      }
    }

    void dimension() {
      double y = Math.min(0.955, frontEdge() + (d.stairs() ? 0.09 : 0.04));
      p.fineLine(l, y, r, y);
      for (double x : new double[] {l, r}) {
        p.fineLine(x, y - 0.012, x, y + 0.012);
        p.line(x - 0.006, y + 0.006, x + 0.006, y - 0.006, p.fine, c.line());
      }
      double ys = Math.max(0.045, t - 0.04);
      p.fineLine(l, ys, r, ys);
      int n = Math.max(2, d.windowCols());
      for (int i = 0; i <= n; i++) {
        double x = l + w * i / n;
        p.line(x - 0.005, ys + 0.005, x + 0.005, ys - 0.005, p.fine, c.line());
      }
    }

    void north() {
      double x = 0.91;
      double y = 0.09;
      double rad = 0.03;
      p.stroke(new Ellipse2D.Double(x - rad, y - rad, 2 * rad, 2 * rad), p.fine, c.line());
      p.poly(
          c.line(),
          p.fine,
          x,
          y - rad * 1.2,
          x + rad * 0.35,
          y + rad * 0.5,
          x - rad * 0.35,
          y + rad * 0.5);
    }
  }
}
