package dev.overpaint.admin;

import dev.overpaint.admin.AdminDtos.AdminItem;
import dev.overpaint.admin.AdminDtos.AuditView;
import dev.overpaint.admin.AdminDtos.ItemState;
import dev.overpaint.admin.AdminDtos.Me;
import dev.overpaint.admin.AdminDtos.Reject;
import dev.overpaint.admin.AdminDtos.ReviewView;
import dev.overpaint.errors.AppException;
import dev.overpaint.web.PathIds;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * /api/admin: the review queue, hiding, and the audit log. {@link AdminGate} lets only admins in.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  @Inject ReviewService reviews;
  @Inject CurrentVertxRequest request;

  @GET
  @Path("/me")
  public Me me() {
    return new Me(admin());
  }

  @GET
  @Path("/reviews")
  public List<ReviewView> reviews(@QueryParam("status") String status) {
    return reviews.reviews(status);
  }

  @POST
  @Path("/reviews/{id}/approve")
  public ReviewView approve(@PathParam("id") String id) {
    return reviews.approve(PathIds.uuid(id, "review"), admin());
  }

  @POST
  @Path("/reviews/{id}/reject")
  public ReviewView reject(@PathParam("id") String id, Reject body) {
    return reviews.reject(PathIds.uuid(id, "review"), body == null ? null : body.reason(), admin());
  }

  @GET
  @Path("/items")
  public List<AdminItem> items(@QueryParam("status") String status) {
    return reviews.items(status);
  }

  @POST
  @Path("/items/{id}/hide")
  public ItemState hide(@PathParam("id") String id) {
    return reviews.hide(PathIds.uuid(id, "item"), admin());
  }

  @POST
  @Path("/items/{id}/unhide")
  public ItemState unhide(@PathParam("id") String id) {
    return reviews.unhide(PathIds.uuid(id, "item"), admin());
  }

  @GET
  @Path("/audit")
  public List<AuditView> audit() {
    return reviews.audit();
  }

  /** Set by the gate; its absence would be a routing bug, so fail closed. */
  private String admin() {
    String admin = request.getCurrent().get(AdminGate.ADMIN_KEY);
    if (admin == null) {
      throw new AppException(401, "Unauthorized", "admin credentials are required", null);
    }
    return admin;
  }
}
