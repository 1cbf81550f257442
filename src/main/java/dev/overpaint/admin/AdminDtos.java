package dev.overpaint.admin;

import java.time.Instant;
import java.util.UUID;

/** The JSON shapes of the admin API. */
public final class AdminDtos {

  private AdminDtos() {}

  public record Me(String username) {}

  public record Reject(String reason) {}

  /** A publication request; reason and decidedAt are set once an admin decided. */
  public record ReviewView(
      UUID id,
      UUID itemId,
      String prompt,
      String image,
      String thumbnail,
      Instant submittedAt,
      String status,
      String reason,
      Instant decidedAt) {}

  public record AdminItem(
      UUID id, String prompt, String thumbnail, String image, String status, Instant publishedAt) {}

  public record ItemState(UUID id, String status) {}

  public record AuditView(
      long id, Instant at, String admin, String action, String target, String detail) {}
}
