package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RetrievalTest {

  @Test
  void matchingEmbeddingsRetrieveTheirOwnImage() {
    float[][] images = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    float[][] texts = {{2, 0.1f, 0}, {0, 3, 0}, {0.1f, 0, 0.5f}};
    assertEquals(1.0, Retrieval.top1(texts, images), 1e-12);
  }

  @Test
  void countsOnlyTheCaptionsWhoseNearestImageIsTheirs() {
    float[][] images = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    // Text 1 points at image 0 and text 3 at image 2: two of four are right.
    float[][] texts = {{1, 0.1f}, {1, 0}, {-1, 0.2f}, {-1, 0}};
    assertEquals(0.5, Retrieval.top1(texts, images), 1e-12);
  }

  @Test
  void normIsIgnoredAndTiesAreMisses() {
    float[][] images = {{10, 0}, {0, 0.1f}};
    float[][] texts = {{0.01f, 0}, {0, 5}};
    assertEquals(1.0, Retrieval.top1(texts, images), 1e-12);
    float[][] twins = {{1, 0}, {1, 0}};
    assertEquals(0.0, Retrieval.top1(new float[][] {{1, 0}, {1, 0}}, twins), 1e-12);
  }

  @Test
  void rejectsMismatchedCounts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Retrieval.top1(new float[][] {{1}}, new float[][] {{1}, {2}}));
  }
}
