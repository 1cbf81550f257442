package dev.overpaint.gallery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A finished job placed in a gallery; the picture itself stays with the job in Postgres. */
@Entity
@Table(name = "gallery_item")
public class GalleryItem extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "gallery_id", nullable = false)
  public UUID galleryId;

  @Column(name = "job_id", nullable = false)
  public UUID jobId;

  public int position;

  @Convert(converter = ItemStatus.Column.class)
  @Column(nullable = false)
  public ItemStatus status = ItemStatus.PRIVATE;

  /** When an admin approved it; the public gallery's order. */
  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
