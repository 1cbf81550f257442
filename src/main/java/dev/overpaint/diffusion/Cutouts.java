package dev.overpaint.diffusion;

import dev.overpaint.tiles.Resample;
import java.util.Random;

/**
 * Random square crops of a batch of images, resized to the CLIP input (Crowson's MakeCutouts: side
 * = min + (max − min)·u^cutPow), with the adjoint that carries gradients back to the images.
 */
final class Cutouts {

  private record Box(int image, int x, int y, int side) {}

  private final int channels;
  private final int height;
  private final int width;
  private final int outSize;
  private final Box[] boxes;

  private Cutouts(int channels, int height, int width, int outSize, Box[] boxes) {
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.outSize = outSize;
    this.boxes = boxes;
  }

  /** cutn boxes per image of an n×c×h×w batch, the first of each being the whole image. */
  static Cutouts sample(int[] shape, int cutn, double cutPow, int outSize, Random random) {
    int n = shape[0];
    int h = shape[2];
    int w = shape[3];
    int maxSide = Math.min(h, w);
    int minSide = Math.min(maxSide, Math.max(8, maxSide / 4));
    Box[] boxes = new Box[n * cutn];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < cutn; k++) {
        int side =
            k == 0
                ? maxSide
                : (int) (Math.pow(random.nextDouble(), cutPow) * (maxSide - minSide) + minSide);
        int x = random.nextInt(w - side + 1);
        int y = random.nextInt(h - side + 1);
        boxes[i * cutn + k] = new Box(i, x, y, side);
      }
    }
    return new Cutouts(shape[1], h, w, outSize, boxes);
  }

  int count() {
    return boxes.length;
  }

  /** The cutouts as one batch, count×c×outSize×outSize. */
  float[] cut(float[] images) {
    int per = channels * outSize * outSize;
    float[] out = new float[boxes.length * per];
    for (int b = 0; b < boxes.length; b++) {
      float[] crop = crop(images, boxes[b]);
      float[] resized =
          Resample.bilinear(crop, channels, boxes[b].side, boxes[b].side, outSize, outSize);
      System.arraycopy(resized, 0, out, b * per, per);
    }
    return out;
  }

  /** Adds the images' gradient implied by a gradient on the cutouts. */
  void accumulate(float[] cutGradient, float[] imageGradient, double scale) {
    int per = channels * outSize * outSize;
    for (int b = 0; b < boxes.length; b++) {
      Box box = boxes[b];
      float[] g = new float[per];
      System.arraycopy(cutGradient, b * per, g, 0, per);
      float[] back = Resample.bilinearAdjoint(g, channels, box.side, box.side, outSize, outSize);
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < box.side; y++) {
          int dst = ((box.image * channels + c) * height + box.y + y) * width + box.x;
          int src = (c * box.side + y) * box.side;
          for (int x = 0; x < box.side; x++) {
            imageGradient[dst + x] += (float) (scale * back[src + x]);
          }
        }
      }
    }
  }

  private float[] crop(float[] images, Box box) {
    float[] crop = new float[channels * box.side * box.side];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < box.side; y++) {
        int src = ((box.image * channels + c) * height + box.y + y) * width + box.x;
        System.arraycopy(images, src, crop, (c * box.side + y) * box.side, box.side);
      }
    }
    return crop;
  }
}
