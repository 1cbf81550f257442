package dev.overpaint.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.tiles.TileGeometry;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QualityMetricsTest {

  private static final TileGeometry GRID = TileGeometry.square(4, 64, 16);

  @Test
  void pastedTilesOfDifferentToneHaveSeamsAndASmoothPictureHasNone() {
    BufferedImage pasted =
        new BufferedImage(GRID.width(), GRID.height(), BufferedImage.TYPE_INT_RGB);
    BufferedImage smooth =
        new BufferedImage(GRID.width(), GRID.height(), BufferedImage.TYPE_INT_RGB);
    Random r = new Random(1);
    for (int y = 0; y < GRID.height(); y++) {
      for (int x = 0; x < GRID.width(); x++) {
        int noise = r.nextInt(8);
        // Tiles own the pixels nearest their centre; each has its own tone.
        int owner = ownerOf(x) * 4 + ownerOf(y);
        int tone = 60 + 40 * (owner % 5) + noise;
        pasted.setRGB(x, y, gray(tone));
        smooth.setRGB(x, y, gray(100 + noise));
      }
    }
    assertTrue(Seams.ratio(pasted, GRID) > 3, "hard tile borders");
    assertEquals(1.0, Seams.ratio(smooth, GRID), 0.15, "nothing to find");
  }

  @Test
  void controlLinesLieHalfwayBetweenBorders() {
    // 4 tiles of 64 with stride 48: borders mid-overlap, controls at the inner tiles' centres.
    assertArrayEquals(new int[] {56, 104, 152}, Seams.borders(4, GRID));
    assertArrayEquals(new int[] {80, 128}, Seams.controls(4, GRID));
    TileGeometry two = TileGeometry.square(2, 64, 16);
    assertArrayEquals(new int[] {56}, Seams.borders(2, two));
    assertArrayEquals(new int[] {32, 80}, Seams.controls(2, two));
  }

  @Test
  void aPictureSymmetricAboutItsCentreScoresTheSameMirrored() {
    BufferedImage p = new BufferedImage(GRID.width(), GRID.height(), BufferedImage.TYPE_INT_RGB);
    BufferedImage mirrored =
        new BufferedImage(GRID.width(), GRID.height(), BufferedImage.TYPE_INT_RGB);
    Random r = new Random(3);
    for (int y = 0; y < GRID.height(); y++) {
      for (int x = 0; x < GRID.width(); x++) {
        // Ink only in the left third, as on a drawing set off-centre on its sheet.
        int tone = x < GRID.width() / 3 ? r.nextInt(256) : 200;
        p.setRGB(x, y, gray(tone));
        mirrored.setRGB(GRID.width() - 1 - x, y, gray(tone));
      }
    }
    // Both axes' lines sit symmetrically about the centre, so the side the ink is on cannot count.
    assertEquals(Seams.ratio(p, GRID), Seams.ratio(mirrored, GRID), 0.05);
  }

  @Test
  void ssimIsOneForIdenticalPicturesAndLowerForNoise() {
    BufferedImage a = new BufferedImage(26, 26, BufferedImage.TYPE_INT_RGB);
    BufferedImage b = new BufferedImage(26, 26, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(2);
    for (int y = 0; y < 26; y++) {
      for (int x = 0; x < 26; x++) {
        a.setRGB(x, y, gray(x * 9));
        b.setRGB(x, y, gray(r.nextInt(256)));
      }
    }
    assertEquals(1.0, Ssim.of(a, a), 1e-9);
    assertTrue(Ssim.of(a, b) < 0.2);
  }

  private static int ownerOf(int pixel) {
    // Borders sit in the middle of each overlap: 56, 104, 152.
    return pixel < 56 ? 0 : pixel < 104 ? 1 : pixel < 152 ? 2 : 3;
  }

  private static int gray(int v) {
    int c = Math.max(0, Math.min(255, v));
    return (c << 16) | (c << 8) | c;
  }
}
