package dev.overpaint.gallery;

import dev.overpaint.gallery.GalleryDtos.AddItem;
import dev.overpaint.gallery.GalleryDtos.CreateGallery;
import dev.overpaint.gallery.GalleryDtos.GallerySummary;
import dev.overpaint.gallery.GalleryDtos.GalleryView;
import dev.overpaint.gallery.GalleryDtos.ItemCreated;
import dev.overpaint.gallery.GalleryDtos.Published;
import dev.overpaint.gallery.GalleryDtos.RenameGallery;
import dev.overpaint.gallery.GalleryDtos.Reorder;
import dev.overpaint.web.PathIds;
import dev.overpaint.web.Session;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The session's galleries: create, rename, delete, fill, reorder and publish. */
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
    return galleries.view(PathIds.uuid(id, "gallery"), session.id());
  }

  @PATCH
  @Path("/{id}")
  public GallerySummary rename(@PathParam("id") String id, RenameGallery body) {
    return galleries.rename(
        PathIds.uuid(id, "gallery"), body == null ? null : body.name(), session.id());
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    galleries.delete(PathIds.uuid(id, "gallery"), session.id());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/items")
  public Response add(@PathParam("id") String id, AddItem body) {
    UUID item =
        galleries.addItem(
            PathIds.uuid(id, "gallery"), body == null ? null : body.jobId(), session.id());
    return Response.created(URI.create("/api/items/" + item)).entity(new ItemCreated(item)).build();
  }

  @DELETE
  @Path("/{id}/items/{itemId}")
  public Response remove(@PathParam("id") String id, @PathParam("itemId") String itemId) {
    galleries.removeItem(PathIds.uuid(id, "gallery"), PathIds.uuid(itemId, "item"), session.id());
    return Response.noContent().build();
  }

  @PUT
  @Path("/{id}/order")
  public GalleryView reorder(@PathParam("id") String id, Reorder body) {
    return galleries.reorder(
        PathIds.uuid(id, "gallery"), body == null ? null : body.itemIds(), session.id());
  }

  @POST
  @Path("/{id}/items/{itemId}/publish")
  public Response publish(@PathParam("id") String id, @PathParam("itemId") String itemId) {
    Published p =
        galleries.publish(PathIds.uuid(id, "gallery"), PathIds.uuid(itemId, "item"), session.id());
    return Response.accepted(p).build();
  }
}
