package dev.overpaint.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Prometheus metrics of the queue and the worker (at /q/metrics): overpaint_queue_depth,
 * overpaint_job_duration_seconds{status} and overpaint_step_seconds.
 */
@ApplicationScoped
public class JobMetrics {

  private final MeterRegistry registry;
  private final Timer step;

  @Inject
  JobMetrics(MeterRegistry registry, JobQueue queue) {
    this.registry = registry;
    Gauge.builder("overpaint.queue.depth", queue, q -> q.snapshot().size())
        .description("jobs waiting for the worker")
        .register(registry);
    this.step =
        Timer.builder("overpaint.step")
            .description("one denoising step of a job: all tiles, guidance, fusion and previews")
            .register(registry);
  }

  void stepTook(Duration d) {
    step.record(d);
  }

  /**
   * @param status how the job ended: done, failed, cancelled or interrupted
   */
  void jobTook(Duration d, JobStatus status) {
    Timer.builder("overpaint.job.duration")
        .description("a job from start to end, by how it ended")
        .tag("status", status.id())
        .register(registry)
        .record(d);
  }
}
