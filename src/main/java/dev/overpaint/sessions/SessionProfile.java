package dev.overpaint.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a browser session chose to tell about itself; a session without a row has no name. */
@Entity
@Table(name = "session_profile")
public class SessionProfile extends PanacheEntityBase {

  @Id public String id;

  @Column(name = "display_name")
  public String displayName;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
