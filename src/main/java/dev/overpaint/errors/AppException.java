package dev.overpaint.errors;

/**
 * A failure the client caused or can act on, carried to the web layer which renders it as
 * application/problem+json (RFC 9457). Services throw it; nothing below them knows about HTTP.
 */
public class AppException extends RuntimeException {

  private final int status;
  private final String title;
  private final String field;

  public AppException(int status, String title, String detail, String field) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  public static AppException invalid(String field, String detail) {
    return new AppException(400, "Invalid request", detail, field);
  }

  public static AppException notFound(String what) {
    return new AppException(404, "Not found", what + " does not exist", null);
  }

  public static AppException forbidden(String detail) {
    return new AppException(403, "Forbidden", detail, null);
  }

  public static AppException conflict(String detail) {
    return new AppException(409, "Conflict", detail, null);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
