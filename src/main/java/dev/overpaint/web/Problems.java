package dev.overpaint.web;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** problem+json answers for route filters, which run before JAX-RS and its exception mappers. */
public final class Problems {

  private Problems() {}

  public static void send(RoutingContext rc, int status, String title, String detail) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(Json.encode(Problem.of(status, title, detail, null)));
  }
}
