package dev.overpaint.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobQueueTest {

  @Test
  void reservationsCountAgainstCapacity() {
    JobQueue q = new JobQueue(2);
    assertTrue(q.reserve());
    assertTrue(q.reserve());
    assertFalse(q.reserve(), "full while two slots are reserved");
    q.release();
    assertTrue(q.reserve());
  }

  @Test
  void positionsFollowTheLine() throws InterruptedException {
    JobQueue q = new JobQueue(8);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    q.reserve();
    assertEquals(1, q.commit(a));
    q.enqueue(b);
    q.enqueue(c);
    assertEquals(3, q.position(c));
    assertTrue(q.remove(b));
    assertEquals(2, q.position(c));
    assertEquals(a, q.take());
    assertEquals(1, q.position(c));
    assertEquals(0, q.position(a), "a taken job is no longer waiting");
    assertFalse(q.remove(a));
  }
}
