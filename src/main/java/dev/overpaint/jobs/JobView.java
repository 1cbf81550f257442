package dev.overpaint.jobs;

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
    GuidanceSettings guidanceSettings) {

  static JobView of(Job job, int position) {
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
        job.guidanceSettings());
  }
}
