package dev.overpaint.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * The anonymous browser session of the current request: a random 128-bit id carried in an HttpOnly,
 * SameSite=Lax cookie. It owns the session's jobs and galleries.
 */
@RequestScoped
public class Session {

  public static final String COOKIE = "overpaint_session";

  private String id;
  private boolean fresh;

  public String id() {
    return id;
  }

  boolean fresh() {
    return fresh;
  }

  void set(String id, boolean fresh) {
    this.id = id;
    this.fresh = fresh;
  }
}
