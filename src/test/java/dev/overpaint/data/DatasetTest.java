package dev.overpaint.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.data.Caption.TemplateSet;
import dev.overpaint.data.DrawingSpec.Style;
import dev.overpaint.data.DrawingSpec.View;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static int[] pixels(BufferedImage im) {
    return im.getRGB(0, 0, im.getWidth(), im.getHeight(), null, 0, im.getWidth());
  }

  private static Set<String> vocab() throws Exception {
    Set<String> words = new HashSet<>();
    try (InputStream in = DatasetTest.class.getResourceAsStream("/models/builtin/vocab.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
    }
    return words;
  }

  @Test
  void sameSeedSamePixelsAndCaption() {
    Dataset a = new Dataset(42, 64);
    Dataset b = new Dataset(42, 64);
    for (long i = 0; i < 12; i++) {
      Dataset.Sample x = a.sample(i);
      Dataset.Sample y = b.sample(i);
      assertEquals(x.spec(), y.spec());
      assertEquals(x.caption(), y.caption());
      assertArrayEquals(pixels(x.image()), pixels(y.image()));
    }
    assertEquals(DrawingSpec.sample(7), DrawingSpec.sample(7));
  }

  @Test
  void differentSeedsDiffer() {
    Dataset a = new Dataset(1, 64);
    Dataset b = new Dataset(2, 64);
    Set<String> captions = new HashSet<>();
    for (long i = 0; i < 8; i++) {
      assertFalse(
          java.util.Arrays.equals(pixels(a.sample(i).image()), pixels(b.sample(i).image())));
      assertFalse(
          java.util.Arrays.equals(pixels(a.sample(i).image()), pixels(a.sample(i + 1).image())));
      captions.add(a.caption(i));
    }
    assertTrue(captions.size() >= 6);
    assertNotEquals(DrawingSpec.sample(1), DrawingSpec.sample(2));
  }

  @Test
  void rendersAtSeveralSizesAndCoversAllStylesAndViews() {
    Set<Style> styles = EnumSet.noneOf(Style.class);
    Set<View> views = EnumSet.noneOf(View.class);
    for (long seed = 0; seed < 40; seed++) {
      DrawingSpec spec = DrawingSpec.sample(seed);
      styles.add(spec.style());
      views.add(spec.view());
      for (int size : new int[] {32, 64, 256}) {
        if (size == 256 && seed % 4 != 0) {
          continue;
        }
        BufferedImage im = DrawingRenderer.render(spec, size);
        assertEquals(size, im.getWidth());
        assertEquals(size, im.getHeight());
        // Not blank: a drawing has both paper and line pixels.
        int[] px = pixels(im);
        Set<Integer> distinct = new HashSet<>();
        for (int v : px) {
          distinct.add(v & 0xf0f0f0);
        }
        assertTrue(distinct.size() > 4, "drawing looks blank at " + size);
      }
    }
    assertEquals(EnumSet.allOf(Style.class), styles);
    assertEquals(EnumSet.allOf(View.class), views);
  }

  @Test
  void cropsEqualTheRegionOfTheFullCanvas() {
    for (long seed = 0; seed < 6; seed++) {
      DrawingSpec spec = DrawingSpec.sample(seed);
      int canvas = 256;
      BufferedImage full = DrawingRenderer.render(spec, canvas);
      int[][] at = {{0, 0}, {96, 128}, {192, 192}, {37, 171}};
      for (int[] xy : at) {
        BufferedImage crop = DrawingRenderer.renderCrop(spec, canvas, xy[0], xy[1], 64);
        assertEquals(64, crop.getWidth());
        assertEquals(64, crop.getHeight());
        int[] a = pixels(crop);
        int[] b = pixels(full.getSubimage(xy[0], xy[1], 64, 64));
        long sum = 0;
        int max = 0;
        for (int i = 0; i < a.length; i++) {
          for (int sh = 0; sh <= 16; sh += 8) {
            int d = Math.abs(((a[i] >> sh) & 0xff) - ((b[i] >> sh) & 0xff));
            sum += d;
            max = Math.max(max, d);
          }
        }
        double mean = sum / (3.0 * a.length);
        assertTrue(mean < 1.0, "crop differs from the canvas region: mean " + mean);
        assertTrue(max <= 64, "crop differs from the canvas region: max " + max);
      }
    }
  }

  @Test
  void captionsUseOnlyVocabularyWordsAndFitTheContext() throws Exception {
    Set<String> vocab = vocab();
    Set<String> missing = new TreeSet<>();
    SplittableRandom r = new SplittableRandom(3);
    for (long seed = 0; seed < 400; seed++) {
      DrawingSpec spec = DrawingSpec.sample(seed);
      for (TemplateSet set : TemplateSet.values()) {
        for (String template : Caption.templates(set)) {
          String caption = Caption.fill(spec, template, r);
          int n = 0;
          for (String w : caption.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!w.isEmpty()) {
              n++;
              if (!vocab.contains(w)) {
                missing.add(w);
              }
            }
          }
          assertTrue(n <= 22, "caption too long: " + caption);
        }
      }
    }
    assertTrue(missing.isEmpty(), "words missing from vocab.txt: " + missing);
  }

  @Test
  void templateGroupsAreDisjointAndNonEmpty() {
    assertFalse(Caption.trainTemplates().isEmpty());
    assertFalse(Caption.judgeTemplates().isEmpty());
    Set<String> both = new HashSet<>(Caption.trainTemplates());
    both.retainAll(Caption.judgeTemplates());
    assertTrue(both.isEmpty(), "shared templates: " + both);
    // Captions of a set come from that set's templates only.
    Dataset clip = new Dataset(5, 32, TemplateSet.CLIP);
    assertNotEquals(clip.caption(0, TemplateSet.CLIP), clip.caption(0, TemplateSet.JUDGE));
  }

  @Test
  void captionMentionsTheMainAttributes() {
    for (long seed = 0; seed < 50; seed++) {
      DrawingSpec spec = DrawingSpec.sample(seed);
      String c = Caption.of(spec, TemplateSet.CLIP, seed);
      String view = spec.view() == View.ELEVATION ? "elevation" : "plan";
      assertTrue(c.contains(view), c);
    }
  }

  @Test
  void toChwIsChannelFirstInRange() {
    BufferedImage im = new Dataset(9, 32).sample(0).image();
    float[] chw = Dataset.toChw(im);
    assertEquals(3 * 32 * 32, chw.length);
    for (float v : chw) {
      assertTrue(v >= -1f && v <= 1f);
    }
    int rgb = im.getRGB(5, 7);
    assertEquals(((rgb >> 16) & 0xff) / 127.5f - 1f, chw[7 * 32 + 5], 1e-6);
    assertEquals((rgb & 0xff) / 127.5f - 1f, chw[2 * 32 * 32 + 7 * 32 + 5], 1e-6);
  }

  @Test
  void datasetCropsHaveTheDatasetSize() {
    Dataset d = new Dataset(11, 64);
    Dataset.Sample s = d.crop(3, 256);
    assertEquals(64, s.image().getWidth());
    assertEquals(d.spec(3), s.spec());
    assertEquals(Dataset.VERSION, "drawings-v1");
  }

  @Test
  void timing() {
    for (int size : new int[] {32, 64, 256}) {
      Dataset d = new Dataset(100, size);
      for (int i = 0; i < 10; i++) {
        d.sample(1000 + i);
      }
      int n = size == 256 ? 50 : 100;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        d.sample(i);
      }
      double ms = (System.nanoTime() - t0) / 1e6 / n;
      System.out.printf(Locale.ROOT, "drawings: %.2f ms/image at %d px%n", ms, size);
    }
  }
}
