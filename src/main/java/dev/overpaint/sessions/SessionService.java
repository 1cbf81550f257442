package dev.overpaint.sessions;

import dev.overpaint.errors.AppException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The optional display name of an anonymous browser session. */
@ApplicationScoped
public class SessionService {

  public static final int MAX_NAME = 40;

  /**
   * @param displayName null when the session has not chosen one
   */
  public record Profile(String displayName) {}

  @Transactional
  public Profile get(String sessionId) {
    return SessionProfile.<SessionProfile>findByIdOptional(sessionId)
        .map(p -> new Profile(p.displayName))
        .orElse(new Profile(null));
  }

  /** A blank name clears it. */
  @Transactional
  public Profile setDisplayName(String sessionId, String name) {
    String n = name == null ? "" : name.strip();
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      throw AppException.invalid(
          "displayName", "displayName must be at most " + MAX_NAME + " characters");
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw AppException.invalid("displayName", "displayName must not hold control characters");
    }
    SessionProfile p = SessionProfile.findById(sessionId);
    boolean fresh = p == null;
    if (fresh) {
      p = new SessionProfile();
      p.id = sessionId;
    }
    p.displayName = n.isEmpty() ? null : n;
    p.updatedAt = Instant.now();
    if (fresh) {
      p.persist();
    }
    return new Profile(p.displayName);
  }
}
