package dev.overpaint.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin's pages: /admin (the review page, behind {@link AdminGate}) and /admin/login. The pages
 * themselves are the frontend's admin.html and admin-login.html.
 */
@Path("/admin")
@ApplicationScoped
public class AdminPages {

  private static final String FALLBACK =
      "<!doctype html><title>Overpaint admin</title><p>The admin pages were not built"
          + " (mvn package builds the frontend).</p>";

  private static final Map<String, String> PAGES = new ConcurrentHashMap<>();

  @Inject AdminAuth auth;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response reviewPage() {
    return page(resource("admin.html"));
  }

  @GET
  @Path("/login")
  @Produces(MediaType.TEXT_HTML)
  public Response login() {
    return page(loginPage());
  }

  @POST
  @Path("/login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response login(@FormParam("username") String user, @FormParam("password") String pass) {
    return auth.login(user, pass)
        .map(
            token ->
                Response.seeOther(URI.create("/admin"))
                    .cookie(cookie(token, auth.sessionSeconds())))
        .orElseGet(() -> Response.seeOther(URI.create("/admin/login?error=1")))
        .build();
  }

  @POST
  @Path("/logout")
  public Response logout(@CookieParam(AdminGate.COOKIE) String token) {
    auth.logout(token);
    return Response.seeOther(URI.create("/admin/login")).cookie(cookie("", 0)).build();
  }

  String loginPage() {
    return resource("admin-login.html");
  }

  private static Response page(String html) {
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .build();
  }

  private static NewCookie cookie(String token, int maxAge) {
    return new NewCookie.Builder(AdminGate.COOKIE)
        .value(token)
        .path("/")
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }

  /** Read once: the gate serves the login page from the event loop. */
  private static String resource(String name) {
    return PAGES.computeIfAbsent(name, AdminPages::read);
  }

  private static String read(String name) {
    try (InputStream in =
        AdminPages.class.getClassLoader().getResourceAsStream("META-INF/resources/" + name)) {
      return in == null ? FALLBACK : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
