package dev.overpaint.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One admin action: who did what to which item or review, and when. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public Instant at;

  @Column(nullable = false)
  public String admin;

  @Column(nullable = false)
  public String action;

  @Column(nullable = false)
  public String target;

  public String detail;
}
