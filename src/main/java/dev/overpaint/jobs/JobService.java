package dev.overpaint.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overpaint.errors.AppException;
import dev.overpaint.errors.QueueFullException;
import dev.overpaint.pipeline.JobParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Owns the job lifecycle: submission, reads, cancellation, and the worker's state changes. */
@ApplicationScoped
public class JobService {

  @Inject JobQueue queue;
  @Inject JobEvents events;
  @Inject ObjectMapper json;
  @Inject JobsConfig config;

  /**
   * Stores a job and puts it in line. The queue slot is reserved first, so a full queue writes
   * nothing.
   */
  public JobView submit(JobParams params, String owner) {
    if (!queue.reserve()) {
      throw new QueueFullException(
          "the queue holds " + config.jobs().queueCapacity() + " waiting jobs; try again shortly",
          config.jobs().retryAfterSeconds());
    }
    Job job;
    try {
      job = QuarkusTransaction.requiringNew().call(() -> persistQueued(params, owner));
    } catch (RuntimeException e) {
      queue.release();
      throw e;
    }
    events.open(job.id);
    int position = queue.commit(job.id);
    publishPositions();
    return JobView.of(job, position);
  }

  /**
   * A transaction-scoped advisory lock per owner makes the count and the insert one step, so two
   * requests of one session at once cannot both take the last of its places in line, whichever
   * server they reach.
   */
  private Job persistQueued(JobParams params, String owner) {
    Job.getEntityManager()
        .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, owner)
        .getSingleResult();
    int max = config.jobs().maxWaitingPerSession();
    if (Job.count("owner = ?1 and status = ?2", owner, JobStatus.QUEUED) >= max) {
      throw new QueueFullException(
          "this session already has " + max + " jobs waiting; wait for one to start",
          config.jobs().retryAfterSeconds());
    }
    Job job = Job.queued(UUID.randomUUID(), owner, params, Instant.now());
    job.persist();
    return job;
  }

  @Transactional
  public Optional<JobView> find(UUID id) {
    return Job.<Job>findByIdOptional(id).map(job -> JobView.of(job, queue.position(id)));
  }

  public JobView get(UUID id) {
    return find(id).orElseThrow(() -> AppException.notFound("job " + id));
  }

  /** The job as {@code viewer} sees it, told whether it is theirs. */
  @Transactional
  public JobView get(UUID id, String viewer) {
    return Job.<Job>findByIdOptional(id)
        .map(job -> JobView.of(job, queue.position(id), job.owner.equals(viewer)))
        .orElseThrow(() -> AppException.notFound("job " + id));
  }

  /** A waiting job leaves the queue now; the running one stops before its next step. */
  public void cancel(UUID id, String owner) {
    JobView view = get(id);
    if (!ownerOf(id).equals(owner)) {
      throw AppException.forbidden("only the session that created this job may cancel it");
    }
    if (JobStatus.valueOf(view.status().toUpperCase(java.util.Locale.ROOT)).finished()) {
      throw AppException.conflict("job " + id + " is already " + view.status());
    }
    if (queue.remove(id)) {
      finish(id, JobStatus.CANCELLED, null);
      events.close(id, "cancelled", message("cancelled", Map.of()));
      publishPositions();
    } else {
      queue.requestCancel(id);
    }
  }

  @Transactional
  String ownerOf(UUID id) {
    return Job.<Job>findByIdOptional(id)
        .map(j -> j.owner)
        .orElseThrow(() -> AppException.notFound("job " + id));
  }

  @Transactional
  public Optional<JobResult> result(UUID id) {
    return JobResult.findByIdOptional(id);
  }

  // --- The worker's side ---

  @Transactional
  public Optional<Job> markRunning(UUID id) {
    Optional<Job> job = Job.<Job>findByIdOptional(id).filter(j -> j.status == JobStatus.QUEUED);
    job.ifPresent(
        j -> {
          j.status = JobStatus.RUNNING;
          j.startedAt = Instant.now();
        });
    return job;
  }

  @Transactional
  public void markStep(UUID id, int step) {
    Job.update("step = ?1 where id = ?2", step, id);
  }

  /** The GAN base exists as soon as the job starts, so init.png can be served from then on. */
  @Transactional
  public void markBase(UUID id, byte[] initPng) {
    JobResult result = new JobResult();
    result.jobId = id;
    result.initPng = initPng;
    result.persist();
  }

  @Transactional
  public void markDone(UUID id, int steps, byte[] imagePng, String metadata) {
    JobResult result = JobResult.findById(id);
    result.imagePng = imagePng;
    result.metadata = metadata;
    Job job = Job.findById(id);
    job.step = steps;
    job.status = JobStatus.DONE;
    job.finishedAt = Instant.now();
  }

  @Transactional
  public void finish(UUID id, JobStatus status, String error) {
    Job job = Job.findById(id);
    job.status = status;
    job.error = error;
    job.finishedAt = Instant.now();
  }

  /**
   * After a restart: a job that was running has lost its state and is marked interrupted; waiting
   * jobs are put back in line in their original order.
   */
  @Transactional
  public java.util.List<UUID> recover() {
    Job.update(
        "status = ?1, error = ?2, finishedAt = ?3 where status = ?4",
        JobStatus.INTERRUPTED,
        "the server restarted while this job was running",
        Instant.now(),
        JobStatus.RUNNING);
    return Job.<Job>find("status = ?1 order by createdAt", JobStatus.QUEUED).stream()
        .map(j -> j.id)
        .toList();
  }

  /** Tells every waiting job its new place in line. */
  public void publishPositions() {
    var waiting = queue.snapshot();
    for (int i = 0; i < waiting.size(); i++) {
      events.text(waiting.get(i), "queued", message("queued", Map.of("position", i + 1)));
    }
  }

  /** A WebSocket text message: {"type": type, ...fields}. */
  public String message(String type, Map<String, ?> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.putAll(fields);
    try {
      return json.writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String statusMessage(JobView view) {
    Map<String, Object> fields =
        json.convertValue(view, new com.fasterxml.jackson.core.type.TypeReference<>() {});
    return message("status", fields);
  }
}
