package dev.overpaint.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Set;

/**
 * Route filters in front of everything, static pages included: the usual security headers with a
 * strict CSP, and a cross-site check on every state-changing request.
 *
 * <p>The CSRF defence is OWASP's "verify origin with standard headers" plus Fetch Metadata: a
 * browser states where a request came from (Sec-Fetch-Site, Origin), so a cookie-carrying POST from
 * another site is refused. Clients that are not browsers send neither header and cannot be made to
 * carry a victim's cookie, so they pass; SameSite=Lax cookies are the second line.
 */
public class HttpFilters {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");

  void register(@Observes Filters filters) {
    filters.register(HttpFilters::securityHeaders, 300);
    filters.register(HttpFilters::crossSiteCheck, 290);
  }

  static void securityHeaders(RoutingContext rc) {
    var h = rc.response().headers();
    // Swagger UI and the dev UI (dev profile only) run inline scripts.
    if (!rc.normalizedPath().startsWith("/q/")) {
      h.set("Content-Security-Policy", CSP);
    }
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    rc.next();
  }

  static void crossSiteCheck(RoutingContext rc) {
    if (SAFE.contains(rc.request().method()) || sameOrigin(rc)) {
      rc.next();
      return;
    }
    Problems.send(rc, 403, "Forbidden", "cross-site requests that change state are refused");
  }

  static boolean sameOrigin(RoutingContext rc) {
    String fetchSite = rc.request().getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !SAME_SITE_FETCH.contains(fetchSite)) {
      return false;
    }
    String origin = rc.request().getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = rc.request().getHeader("X-Forwarded-Host");
    if (host == null) {
      host = rc.request().getHeader("Host");
    }
    return host != null && host.equalsIgnoreCase(authority(origin));
  }

  private static String authority(String origin) {
    try {
      return URI.create(origin).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
