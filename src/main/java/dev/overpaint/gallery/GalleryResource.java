package dev.overpaint.gallery;

import dev.overpaint.errors.AppException;
import dev.overpaint.gallery.GalleryDtos.AddItem;
import dev.overpaint.gallery.GalleryDtos.CreateGallery;
import dev.overpaint.gallery.GalleryDtos.GallerySummary;
import dev.overpaint.gallery.GalleryDtos.GalleryView;
import dev.overpaint.gallery.GalleryDtos.ItemCreated;
import dev.overpaint.web.Session;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/galleries")
@Produces(MediaType.APPLICATION_JSON)
public class GalleryResource {

  @Inject GalleryService galleries;
  @Inject Session session;

  @POST
  public Response create(CreateGallery body) {
    GallerySummary g = galleries.create(body == null ? null : body.name(), session.id());
    return Response.created(URI.create("/api/galleries/" + g.id())).entity(g).build();
  }

  @GET
  public List<GallerySummary> mine() {
    return galleries.mine(session.id());
  }

  @GET
  @Path("/{id}")
  public GalleryView get(@PathParam("id") String id) {
    return galleries.view(parse(id));
  }

  @POST
  @Path("/{id}/items")
  public Response add(@PathParam("id") String id, AddItem body) {
    UUID item = galleries.addItem(parse(id), body == null ? null : body.jobId(), session.id());
    return Response.created(URI.create("/api/galleries/" + id))
        .entity(new ItemCreated(item))
        .build();
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw AppException.notFound("gallery " + id);
    }
  }
}
