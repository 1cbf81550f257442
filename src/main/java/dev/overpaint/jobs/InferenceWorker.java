package dev.overpaint.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.pipeline.CancelledException;
import dev.overpaint.pipeline.FusionRule;
import dev.overpaint.pipeline.JobParams;
import dev.overpaint.pipeline.Pipeline;
import dev.overpaint.pipeline.PipelineListener;
import dev.overpaint.pipeline.PipelineResult;
import dev.overpaint.pipeline.PipelineSettings;
import dev.overpaint.pipeline.PngText;
import dev.overpaint.pipeline.Provenance;
import dev.overpaint.tiles.WindowShape;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one place in the server that runs the networks. It owns the models, the device and the single
 * inference thread, which takes jobs from the queue one at a time.
 */
@ApplicationScoped
public class InferenceWorker {

  private static final Logger LOG = Logger.getLogger(InferenceWorker.class);

  @Inject JobService jobs;
  @Inject JobQueue queue;
  @Inject JobEvents events;
  @Inject JobsConfig config;
  @Inject ObjectMapper json;
  @Inject JobMetrics metrics;

  @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
  String version;

  private volatile boolean stopping;
  private volatile Pipeline pipeline;
  private volatile String deviceName;
  private volatile IllegalStateException loadFailure;
  private ModelSet models;
  private Thread thread;

  void onStart(@Observes StartupEvent event) {
    for (UUID id : jobs.recover()) {
      events.open(id);
      queue.enqueue(id);
    }
    thread = new Thread(this::loop, "overpaint-inference");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    stopping = true;
    if (thread != null) {
      thread.interrupt();
      thread.join(10_000);
    }
    if (models != null) {
      models.close();
    }
  }

  /** True once the models are loaded; false while loading or after a load failure. */
  public boolean ready() {
    return pipeline != null;
  }

  public String deviceName() {
    return deviceName;
  }

  /** Why the models could not be loaded, if they could not. */
  public java.util.Optional<String> loadFailure() {
    return java.util.Optional.ofNullable(loadFailure).map(RuntimeException::getMessage);
  }

  private void loop() {
    load();
    while (!stopping) {
      UUID id;
      try {
        id = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        jobs.publishPositions();
        process(id);
      } catch (RuntimeException | LinkageError e) {
        LOG.errorf(e, "job %s could not be recorded", id);
      } finally {
        queue.forgetCancel(id);
      }
    }
  }

  private void load() {
    try {
      ModelSource source =
          config
              .models()
              .dir()
              .filter(d -> !d.isBlank())
              .map(d -> ModelSource.directory(Path.of(d)))
              .orElse(ModelSource.builtin());
      models = ModelRegistry.load(source, DeviceChoice.parse(config.device()));
      deviceName = models.deviceName();
      pipeline =
          new Pipeline(
              models.generator(), models.denoiser(), models.encoder(), settings(), version);
      LOG.infof("models loaded from %s on %s", source.describe(), deviceName);
    } catch (RuntimeException | LinkageError e) {
      loadFailure =
          new IllegalStateException("the models could not be loaded: " + e.getMessage(), e);
      LOG.error("models could not be loaded", e);
    }
  }

  private PipelineSettings settings() {
    JobsConfig.Pipeline p = config.pipeline();
    return new PipelineSettings(
        p.tileSize(),
        p.overlap(),
        p.eta(),
        WindowShape.valueOf(p.window().toUpperCase(Locale.ROOT)),
        p.truncationPsi(),
        FusionRule.valueOf(p.fusion().toUpperCase(Locale.ROOT)),
        p.jitter());
  }

  private void process(UUID id) {
    var job = jobs.markRunning(id);
    if (job.isEmpty()) {
      return;
    }
    JobParams params = job.get().params();
    long start = System.nanoTime();
    JobStatus ended = JobStatus.FAILED;
    try {
      if (loadFailure != null) {
        throw loadFailure;
      }
      StepPublisher publisher =
          new StepPublisher(id, new PreviewEncoder(config.jobs().previewQuality()));
      PipelineResult result =
          pipeline.run(params, publisher, () -> stopping || queue.cancelRequested(id));
      String metadata = Provenance.toJson(result.metadata());
      jobs.markDone(
          id, params.steps(), PngText.encode(result.image(), PngText.KEYWORD, metadata), metadata);
      events.close(
          id, "done", jobs.message("done", Map.of("image", "/api/jobs/" + id + "/image.png")));
      ended = JobStatus.DONE;
    } catch (CancelledException e) {
      ended = stopping ? JobStatus.INTERRUPTED : JobStatus.CANCELLED;
      if (stopping) {
        jobs.finish(id, JobStatus.INTERRUPTED, "the server stopped while this job was running");
        events.close(id, "failed", jobs.message("failed", Map.of("detail", "the server stopped")));
      } else {
        jobs.finish(id, JobStatus.CANCELLED, null);
        events.close(id, "cancelled", jobs.message("cancelled", Map.of()));
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.errorf(e, "job %s failed", id);
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      jobs.finish(id, JobStatus.FAILED, detail);
      events.close(id, "failed", jobs.message("failed", Map.of("detail", detail)));
    } finally {
      metrics.jobTook(Duration.ofNanos(System.nanoTime() - start), ended);
    }
  }

  /** Turns pipeline events into WebSocket messages and step updates of the job row. */
  private final class StepPublisher implements PipelineListener {
    private final UUID id;
    private final PreviewEncoder encoder;
    private long startNanos;
    private long lastStepNanos;

    StepPublisher(UUID id, PreviewEncoder encoder) {
      this.id = id;
      this.encoder = encoder;
    }

    @Override
    public void started(Started e) {
      startNanos = System.nanoTime();
      lastStepNanos = startNanos;
      jobs.markBase(id, PngText.encode(e.base()));
      var g = e.geometry();
      List<Map<String, Integer>> tiles =
          g.tiles().stream()
              .map(t -> Map.of("index", t.index(), "x", t.x(), "y", t.y(), "w", t.w(), "h", t.h()))
              .toList();
      events.text(
          id,
          "started",
          jobs.message(
              "started",
              Map.of(
                  "steps", e.steps(),
                  "grid", Map.of("cols", g.cols(), "rows", g.rows()),
                  "canvas", Map.of("width", g.width(), "height", g.height()),
                  "tiles", tiles)));
    }

    @Override
    public void step(Step e) {
      long now = System.nanoTime();
      metrics.stepTook(Duration.ofNanos(now - lastStepNanos));
      lastStepNanos = now;
      for (TilePreview p : e.tiles()) {
        var t = p.tile();
        byte[] frame =
            new PreviewFrame(
                    PreviewFrame.KIND_TILE,
                    PreviewFrame.FORMAT_JPEG,
                    t.index(),
                    e.step(),
                    e.steps(),
                    t.x(),
                    t.y(),
                    t.w(),
                    t.h(),
                    encoder.jpeg(p.image()))
                .encode();
        events.frame(id, t.index(), frame);
      }
      long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
      long etaMs = elapsedMs * (e.steps() - e.step()) / e.step();
      events.text(
          id,
          "progress",
          jobs.message("progress", Map.of("step", e.step(), "steps", e.steps(), "etaMs", etaMs)));
      jobs.markStep(id, e.step());
    }
  }
}
