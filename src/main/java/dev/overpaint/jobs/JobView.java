package dev.overpaint.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.overpaint.diffusion.GuidanceSettings;
import java.time.Instant;
import java.util.UUID;

/** A job as clients see it: GET /api/jobs/{id} and the WebSocket's status frame. */
public record JobView(
    UUID id,
    String status,
    String prompt,
    long seed,
    int steps,
    double skip,
    double guidance,
    int grid,
    String blend,
    int position,
    int step,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String error,
    GuidanceSettings guidanceSettings,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mine) {

  static JobView of(Job job, int position) {
    return of(job, position, null);
  }

  /**
   * @param mine whether the asking session created the job; null where nobody asked
   */
  static JobView of(Job job, int position, Boolean mine) {
    return new JobView(
        job.id,
        job.status.id(),
        job.prompt,
        job.seed,
        job.steps,
        job.skip,
        job.guidance,
        job.grid,
        job.blend,
        position,
        job.step,
        job.createdAt,
        job.startedAt,
        job.finishedAt,
        job.error,
        job.guidanceSettings(),
        mine);
  }
}
