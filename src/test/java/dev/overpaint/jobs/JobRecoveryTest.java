package dev.overpaint.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.pipeline.JobParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a restart finds in the table: running jobs become interrupted, waiting ones stay in line.
 */
@QuarkusTest
class JobRecoveryTest {

  @Inject JobService jobs;

  @Test
  void runningJobsAreMarkedInterruptedAndQueuedOnesAreKept() {
    UUID running = UUID.randomUUID();
    UUID waiting = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Job r =
                  Job.queued(
                      running,
                      "recovery-test-session-000",
                      JobParams.defaults("a", 1),
                      Instant.now());
              r.status = JobStatus.RUNNING;
              r.persist();
              // Written directly, as a previous server would have left it; never handed to this
              // queue.
              Job w =
                  Job.queued(
                      waiting,
                      "recovery-test-session-000",
                      JobParams.defaults("b", 2),
                      Instant.now());
              w.persist();
            });

    var requeued = jobs.recover();

    Job r = QuarkusTransaction.requiringNew().call(() -> Job.findById(running));
    assertEquals(JobStatus.INTERRUPTED, r.status);
    assertNotNull(r.finishedAt);
    assertTrue(r.error.contains("restarted"));
    assertTrue(requeued.contains(waiting), "the waiting job would be put back in line");
    QuarkusTransaction.requiringNew().run(() -> Job.deleteById(waiting));
  }
}
