package dev.overpaint.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the inference worker has its models; a load failure keeps it not ready. */
@Readiness
@ApplicationScoped
public class ModelsReadiness implements HealthCheck {

  @Inject InferenceWorker worker;

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("models").status(worker.ready());
    if (worker.deviceName() != null) {
      builder.withData("device", worker.deviceName());
    }
    worker.loadFailure().ifPresent(e -> builder.withData("error", e));
    return builder.build();
  }
}
