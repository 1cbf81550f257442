package dev.overpaint.jobs;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one queue of this server, sized by overpaint.jobs.queue-capacity. */
final class JobQueueProducer {

  @Produces
  @Singleton
  static JobQueue jobQueue(JobsConfig config) {
    return new JobQueue(config.jobs().queueCapacity());
  }
}
