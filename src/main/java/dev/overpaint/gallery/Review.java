package dev.overpaint.gallery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A request to publish an item, waiting for (or carrying) an admin's decision. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

  public static final String PENDING = "pending";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";

  @Id public UUID id;

  @Column(name = "item_id", nullable = false)
  public UUID itemId;

  @Column(nullable = false)
  public String status;

  public String reason;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decided_by")
  public String decidedBy;
}
