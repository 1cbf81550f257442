package dev.overpaint.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The finished picture, its GAN base and the provenance JSON embedded in the PNG. */
@Entity
@Table(name = "job_result")
public class JobResult extends PanacheEntityBase {

  @Id
  @Column(name = "job_id")
  public UUID jobId;

  /** Null until the job is done. */
  @Column(name = "image_png")
  public byte[] imagePng;

  @Column(name = "init_png", nullable = false)
  public byte[] initPng;

  public String metadata;

  /** A small copy for gallery grids, made on first request. */
  @Column(name = "thumb_png")
  public byte[] thumbPng;
}
