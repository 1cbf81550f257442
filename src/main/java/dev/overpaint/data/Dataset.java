package dev.overpaint.data;

import dev.overpaint.data.Caption.TemplateSet;
import dev.overpaint.pipeline.Images;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An unlimited, deterministic stream of captioned drawings: sample {@code i} of a dataset is a pure
 * function of (dataset seed, i, image size, template set).
 */
public final class Dataset {

  /** Version of the procedural drawings; record it in model manifests. */
  public static final String VERSION = "drawings-v1";

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** One captioned drawing. */
  public record Sample(DrawingSpec spec, String caption, BufferedImage image) {}

  private final long seed;
  private final int size;
  private final TemplateSet templates;

  public Dataset(long seed, int size) {
    this(seed, size, TemplateSet.CLIP);
  }

  public Dataset(long seed, int size, TemplateSet templates) {
    if (size < 8) {
      throw new IllegalArgumentException("image size must be at least 8 px");
    }
    this.seed = seed;
    this.size = size;
    this.templates = templates;
  }

  public long seed() {
    return seed;
  }

  public int size() {
    return size;
  }

  public TemplateSet templates() {
    return templates;
  }

  /** The seed of sample {@code index}: a mix of the dataset seed and the index. */
  public static long sampleSeed(long datasetSeed, long index) {
    return new SplittableRandom(datasetSeed ^ (index * GOLDEN)).nextLong();
  }

  /** The spec of sample {@code index} (cheap: nothing is rendered). */
  public DrawingSpec spec(long index) {
    return DrawingSpec.sample(new SplittableRandom(sampleSeed(seed, index)).nextLong());
  }

  /** The caption of sample {@code index} in this dataset's template set. */
  public String caption(long index) {
    return caption(index, templates);
  }

  /** The caption of sample {@code index} from either template set. */
  public String caption(long index, TemplateSet set) {
    SplittableRandom r = new SplittableRandom(sampleSeed(seed, index));
    DrawingSpec spec = DrawingSpec.sample(r.nextLong());
    long captionSeed = r.nextLong();
    return Caption.of(spec, set, new SplittableRandom(captionSeed ^ set.ordinal()));
  }

  /** Sample {@code index}: spec, caption and the drawing at this dataset's size. */
  public Sample sample(long index) {
    DrawingSpec spec = spec(index);
    return new Sample(spec, caption(index), DrawingRenderer.render(spec, size));
  }

  /**
   * Sample {@code index} as a crop: the drawing rendered at {@code canvasSize}, cut to this
   * dataset's size at a position drawn from the sample's seed (for training a denoiser on fine line
   * detail).
   */
  public Sample crop(long index, int canvasSize) {
    if (canvasSize < size) {
      throw new IllegalArgumentException("canvas smaller than the crop");
    }
    SplittableRandom r = new SplittableRandom(sampleSeed(seed, index));
    DrawingSpec spec = DrawingSpec.sample(r.nextLong());
    r.nextLong();
    int x = r.nextInt(canvasSize - size + 1);
    int y = r.nextInt(canvasSize - size + 1);
    return new Sample(
        spec, caption(index), DrawingRenderer.renderCrop(spec, canvasSize, x, y, size));
  }

  /** Samples {@code from}, {@code from + 1}, … without end. */
  public Stream<Sample> stream(long from) {
    return LongStream.iterate(from, i -> i + 1).mapToObj(this::sample);
  }

  /** A picture as a 3×H×W float array in [-1, 1] (channel-first, RGB). */
  public static float[] toChw(BufferedImage image) {
    return Images.fromRgb(image);
  }
}
