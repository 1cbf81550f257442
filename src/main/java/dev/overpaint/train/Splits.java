package dev.overpaint.train;

import dev.overpaint.data.Caption.TemplateSet;
import dev.overpaint.data.Dataset;
import java.util.SplittableRandom;

/**
 * Which drawings each trainer sees. All trainers draw from one dataset ({@link #DATASET_SEED}); the
 * CLIP encoder trains on even indices and the judge on odd ones, so that the judge never sees a
 * drawing the encoder was trained on; indices from {@link #HELD_OUT_START} on are never trained on
 * and hold the evaluation pairs. The data position of step s, item i is s·batch + i, so the order
 * is a pure function of (seed, step) and a resumed run continues it exactly.
 */
public final class Splits {

  /** The seed of the shared training dataset ({@link Dataset#VERSION} drawings). */
  public static final long DATASET_SEED = 20_261_203L;

  /** First held-out index; training positions stay far below it. */
  public static final long HELD_OUT_START = 1L << 40;

  /** Number of held-out pairs in the retrieval evaluation (chance top-1 is 1/100). */
  public static final int HELD_OUT_PAIRS = 100;

  private Splits() {}

  /** The dataset of {@code size}-px drawings captioned from {@code templates}. */
  public static Dataset dataset(int size, TemplateSet templates) {
    return new Dataset(DATASET_SEED, size, templates);
  }

  /** Dataset index of training position {@code position} for the split of {@code parity}. */
  static long trainIndex(long position, int parity) {
    if (position < 0 || 2 * position + 1 >= HELD_OUT_START) {
      throw new IllegalArgumentException("training position out of range: " + position);
    }
    return 2 * position + parity;
  }

  /** Dataset index of held-out item {@code k}. */
  public static long heldOut(int k) {
    return HELD_OUT_START + k;
  }

  /** The seed of every random draw of one step: a mix of the run seed and the step number. */
  static long stepSeed(long seed, long step) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step).nextLong();
  }
}
