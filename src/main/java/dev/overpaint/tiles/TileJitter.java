package dev.overpaint.tiles;

import java.util.SplittableRandom;

/**
 * Random per-step offsets of the inner tile columns and rows, so that the borders between tiles
 * never sit in the same place twice and no seam can build up along one line. The outer tiles stay
 * on the canvas edges; each inner column and row moves by a whole number of pixels in [−amount,
 * amount], which keeps every overlap at least overlap − 2·amount wide.
 */
public final class TileJitter {

  private final TileGeometry nominal;
  private final int amount;
  private final SplittableRandom random;

  /**
   * @param amount the largest shift in pixels; 0 keeps the nominal grid
   * @param seed seeds the offsets
   */
  public TileJitter(TileGeometry nominal, int amount, long seed) {
    requireFits(amount, nominal.overlap());
    this.nominal = nominal;
    this.amount = amount;
    this.random = new SplittableRandom(seed);
  }

  /** Throws IllegalArgumentException unless shifts of {@code amount} keep tiles overlapping. */
  public static void requireFits(int amount, int overlap) {
    if (amount < 0 || (amount > 0 && 2 * amount >= overlap)) {
      throw new IllegalArgumentException(
          "jitter must be in [0, overlap/2), got " + amount + " for an overlap of " + overlap);
    }
  }

  /** The next step's layout. */
  public TileGeometry next() {
    if (amount == 0) {
      return nominal;
    }
    return nominal.shifted(offsets(nominal.cols()), offsets(nominal.rows()));
  }

  private int[] offsets(int count) {
    int[] d = new int[count];
    for (int k = 1; k < count - 1; k++) {
      d[k] = random.nextInt(-amount, amount + 1);
    }
    return d;
  }
}
