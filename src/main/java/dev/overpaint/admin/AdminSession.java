package dev.overpaint.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A logged-in admin browser, known by the SHA-256 of its cookie's token. */
@Entity
@Table(name = "admin_session")
public class AdminSession extends PanacheEntityBase {

  @Id
  @Column(name = "token_sha256")
  public String tokenSha256;

  @Column(nullable = false)
  public String username;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;
}
