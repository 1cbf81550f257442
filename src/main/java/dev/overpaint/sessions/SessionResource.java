package dev.overpaint.sessions;

import dev.overpaint.sessions.SessionService.Profile;
import dev.overpaint.web.Session;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET and PUT /api/session: the caller's display name (the session id itself stays HttpOnly). */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  @Inject SessionService sessions;
  @Inject Session session;

  @GET
  public Profile get() {
    return sessions.get(session.id());
  }

  @PUT
  public Profile put(Profile body) {
    return sessions.setDisplayName(session.id(), body == null ? null : body.displayName());
  }
}
