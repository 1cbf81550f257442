package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.data.Caption.TemplateSet;
import dev.overpaint.data.Dataset;
import dev.overpaint.data.DrawingSpec.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlueprintsTest {

  private static final int SIZE = 32;

  @Test
  void drawingsAndTheirCropsAreBlueprintsExactlyWhenTheirStyleIs() {
    Dataset data = Splits.dataset(SIZE, TemplateSet.CLIP);
    int blueprints = 0;
    for (int k = 0; k < 60; k++) {
      long index = Splits.heldOut(2_000 + k);
      Dataset.Sample whole = data.sample(index);
      boolean expected = whole.spec().style() == Style.BLUEPRINT;
      blueprints += expected ? 1 : 0;
      for (Dataset.Sample s : List.of(whole, data.crop(index, 224))) {
        assertEquals(
            expected,
            Blueprints.isBlueprint(Dataset.toChw(s.image()), SIZE),
            "drawing " + k + " in style " + whole.spec().style());
      }
    }
    // The check means something only if both kinds were seen.
    assertTrue(blueprints > 3 && blueprints < 57, "" + blueprints);
  }

  @Test
  void aLightBlueSkyIsNotABlueprint() {
    float[] sky = picture(200, 220, 236);
    float[] ground = picture(24, 62, 124);
    assertEquals(0.5, Blueprints.share(List.of(sky, ground), SIZE));
  }

  private static float[] picture(int r, int g, int b) {
    float[] p = new float[3 * SIZE * SIZE];
    int n = SIZE * SIZE;
    for (int i = 0; i < n; i++) {
      p[i] = r / 127.5f - 1;
      p[n + i] = g / 127.5f - 1;
      p[2 * n + i] = b / 127.5f - 1;
    }
    return p;
  }
}
