package dev.overpaint.train;

/**
 * Text→image retrieval accuracy, the measure of a contrastive encoder in Radford et al. 2021:
 * caption i retrieves the image with the largest cosine similarity among all n images, and is right
 * when that is image i (chance 1/n).
 */
public final class Retrieval {

  private Retrieval() {}

  /**
   * @param textEmb n text embeddings, row i describing image i (any norm: rows are normalised)
   * @param imageEmb n image embeddings of the same width
   * @return the fraction of captions whose nearest image is their own; ties count as misses
   */
  public static double top1(float[][] textEmb, float[][] imageEmb) {
    if (textEmb.length != imageEmb.length || textEmb.length == 0) {
      throw new IllegalArgumentException("need the same, non-zero number of texts and images");
    }
    int hits = 0;
    for (int i = 0; i < textEmb.length; i++) {
      if (nearest(textEmb[i], imageEmb) == i) {
        hits++;
      }
    }
    return (double) hits / textEmb.length;
  }

  /** Index of the most similar row, or -1 when the best similarity is shared by two rows. */
  static int nearest(float[] query, float[][] rows) {
    int best = -1;
    double bestSim = Double.NEGATIVE_INFINITY;
    boolean tie = false;
    for (int j = 0; j < rows.length; j++) {
      double sim = cosine(query, rows[j]);
      if (sim > bestSim) {
        bestSim = sim;
        best = j;
        tie = false;
      } else if (sim == bestSim) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }

  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("embeddings differ in width");
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < a.length; k++) {
      dot += (double) a[k] * b[k];
      na += (double) a[k] * a[k];
      nb += (double) b[k] * b[k];
    }
    return dot / Math.sqrt(Math.max(na * nb, 1e-30));
  }

  /** Rows of an (n, d) tensor's data. */
  static float[][] rows(float[] data, int n) {
    int d = data.length / n;
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(data, i * d, out[i], 0, d);
    }
    return out;
  }
}
