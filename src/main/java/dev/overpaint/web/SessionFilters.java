package dev.overpaint.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Reads the session cookie, or mints one (128 random bits) for a browser that has none. */
public class SessionFilters {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  @Inject Session session;

  @ServerRequestFilter(preMatching = true)
  public void readSession(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(Session.COOKIE);
    if (cookie != null && VALID.matcher(cookie.getValue()).matches()) {
      session.set(cookie.getValue(), false);
    } else {
      session.set(newId(), true);
    }
  }

  @ServerResponseFilter
  public void writeSession(ContainerResponseContext response) {
    if (session.id() != null && session.fresh()) {
      NewCookie cookie =
          new NewCookie.Builder(Session.COOKIE)
              .value(session.id())
              .path("/")
              .httpOnly(true)
              .sameSite(NewCookie.SameSite.LAX)
              .maxAge(60 * 60 * 24 * 365)
              .build();
      response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    }
  }

  static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
