package dev.overpaint.jobs;

import dev.overpaint.diffusion.GuidanceSettings;
import dev.overpaint.pipeline.Blend;
import dev.overpaint.pipeline.JobParams;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A generation request and its lifecycle; the pixels are in {@link JobResult}. */
@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String owner;

  @Convert(converter = StatusConverter.class)
  @Column(nullable = false)
  public JobStatus status;

  @Column(nullable = false)
  public String prompt;

  public long seed;
  public int steps;
  public double skip;
  public double guidance;
  public int grid;

  public int cutn;

  @Column(name = "cut_pow")
  public double cutPow;

  @Column(name = "canvas_share")
  public double canvasShare;

  @Column(name = "tv_scale")
  public double tvScale;

  @Column(name = "range_scale")
  public double rangeScale;

  @Column(name = "init_scale")
  public double initScale;

  @Column(name = "clamp_max")
  public double clampMax;

  @Column(nullable = false)
  public String blend;

  public int step;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  public String error;

  public static Job queued(UUID id, String owner, JobParams p, Instant now) {
    Job job = new Job();
    job.id = id;
    job.owner = owner;
    job.status = JobStatus.QUEUED;
    job.prompt = p.prompt();
    job.seed = p.seed();
    job.steps = p.steps();
    job.skip = p.skip();
    job.guidance = p.guidance();
    job.grid = p.grid();
    GuidanceSettings g = p.guidanceSettings();
    job.cutn = g.cutn();
    job.cutPow = g.cutPow();
    job.canvasShare = g.canvasShare();
    job.tvScale = g.tvScale();
    job.rangeScale = g.rangeScale();
    job.initScale = g.initScale();
    job.clampMax = g.clampRms();
    job.blend = p.blend().id();
    job.createdAt = now;
    return job;
  }

  public JobParams params() {
    return new JobParams(prompt, seed, steps, skip, grid, Blend.parse(blend), guidanceSettings());
  }

  public GuidanceSettings guidanceSettings() {
    return new GuidanceSettings(
        guidance, cutn, cutPow, canvasShare, tvScale, rangeScale, initScale, clampMax);
  }

  @Converter
  public static class StatusConverter implements AttributeConverter<JobStatus, String> {
    @Override
    public String convertToDatabaseColumn(JobStatus status) {
      return status == null ? null : status.id();
    }

    @Override
    public JobStatus convertToEntityAttribute(String value) {
      return value == null ? null : JobStatus.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
