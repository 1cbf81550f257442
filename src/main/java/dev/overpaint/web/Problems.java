package dev.overpaint.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** problem+json answers for route filters, which run before JAX-RS and its exception mappers. */
public final class Problems {

  private Problems() {}

  public static void send(RoutingContext rc, int status, String title, String detail) {
    JsonObject body =
        new JsonObject()
            .put("type", "about:blank")
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(body.encode());
  }
}
