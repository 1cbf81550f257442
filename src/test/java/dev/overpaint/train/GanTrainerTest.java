package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.overpaint.data.Dataset;
import dev.overpaint.models.Tensor;
import org.junit.jupiter.api.Test;

class GanTrainerTest {

  @Test
  void thePoolServesTheSameDrawingsAsFreshRendering() {
    Dataset data = new Dataset(3, 16);
    Tensor fresh = GanTrainer.realBatch(data, 0, 2, 16);
    Tensor pooled = GanTrainer.realBatch(data, 0, 2, 16, new byte[8][]);
    assertArrayEquals(fresh.data(), pooled.data(), 1e-6f);
    assertEquals(16, pooled.dim(3));
    // index 8 wraps to slot 0 of an 8-image pool
    byte[][] pool = new byte[8][];
    Tensor first = GanTrainer.realBatch(data, 0, 1, 16, pool);
    Tensor wrapped = GanTrainer.realBatch(data, 8, 1, 16, pool);
    assertEquals(first, wrapped);
  }
}
