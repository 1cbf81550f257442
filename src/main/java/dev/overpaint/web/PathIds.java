package dev.overpaint.web;

import dev.overpaint.errors.AppException;
import java.util.UUID;

/** Ids in URL paths: one that is not a UUID names nothing, so it is answered 404. */
public final class PathIds {

  private PathIds() {}

  /**
   * @param what the kind of thing the id names, for the problem's detail ("job", "gallery" ...)
   */
  public static UUID uuid(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw AppException.notFound(what + " " + id);
    }
  }
}
