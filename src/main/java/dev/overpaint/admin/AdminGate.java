package dev.overpaint.admin;

import dev.overpaint.web.Problems;
import dev.overpaint.web.Session;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Guards every admin route, page and API alike, before anything else sees the request: an admin
 * (Basic credentials, or the login cookie) passes with their name in the routing context; a browser
 * session that is not an admin gets 403; anyone else 401. Pages answer with the login form, the API
 * with problem+json.
 */
@ApplicationScoped
public class AdminGate {

  public static final String ADMIN_KEY = "overpaint.admin";
  public static final String COOKIE = "overpaint_admin";

  @Inject AdminAuth auth;
  @Inject AdminPages pages;

  void register(@Observes Filters filters) {
    filters.register(this::filter, 280);
  }

  static boolean guarded(String path) {
    return path.equals("/admin")
        || path.equals("/admin/")
        || path.equals("/admin.html")
        || path.equals("/api/admin")
        || path.startsWith("/api/admin/");
  }

  private void filter(RoutingContext rc) {
    if (!guarded(rc.normalizedPath())) {
      rc.next();
      return;
    }
    String basic = rc.request().getHeader("Authorization");
    Cookie cookie = rc.request().getCookie(COOKIE);
    rc.vertx()
        .executeBlocking(
            () ->
                basic != null
                    ? auth.basic(basic)
                    : auth.sessionUser(cookie == null ? null : cookie.getValue()),
            false)
        .onComplete(
            done -> {
              Optional<String> admin = done.succeeded() ? done.result() : Optional.empty();
              if (admin.isPresent()) {
                rc.put(ADMIN_KEY, admin.get());
                rc.next();
              } else {
                refuse(rc, basic == null && rc.request().getCookie(Session.COOKIE) != null);
              }
            });
  }

  /** A non-admin browser session is known and told no (403); the anonymous must log in (401). */
  private void refuse(RoutingContext rc, boolean knownNonAdmin) {
    int status = knownNonAdmin ? 403 : 401;
    boolean api = rc.normalizedPath().startsWith("/api/");
    if (api) {
      if (status == 401) {
        rc.response().putHeader("WWW-Authenticate", "Basic realm=\"overpaint admin\"");
      }
      Problems.send(
          rc,
          status,
          status == 401 ? "Unauthorized" : "Forbidden",
          status == 401 ? "admin credentials are required" : "this is for admins only");
      return;
    }
    // A browser must not pop up its Basic dialog on a page; the login form is the way in.
    rc.response()
        .setStatusCode(status)
        .putHeader("WWW-Authenticate", "Form realm=\"overpaint admin\"")
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(pages.loginPage());
  }
}
