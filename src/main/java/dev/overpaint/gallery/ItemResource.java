package dev.overpaint.gallery;

import dev.overpaint.gallery.GalleryDtos.ItemDetail;
import dev.overpaint.gallery.Thumbnails.Thumbnail;
import dev.overpaint.web.PathIds;
import dev.overpaint.web.Session;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An item's detail page data and its thumbnail; anyone with the link may look. */
@Path("/api/items")
public class ItemResource {

  /** A thumbnail's bytes never change under its URL. */
  static final String CACHE = "public, max-age=31536000, immutable";

  @Inject GalleryService galleries;
  @Inject Thumbnails thumbnails;
  @Inject Session session;

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ItemDetail get(@PathParam("id") String id) {
    return galleries.item(PathIds.uuid(id, "item"), session.id());
  }

  @GET
  @Path("/{id}/thumbnail.png")
  @Produces("image/png")
  public Response thumbnail(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Thumbnail t = thumbnails.of(PathIds.uuid(id, "item"));
    Response.ResponseBuilder r =
        ifNoneMatch != null && ifNoneMatch.contains(t.etag())
            ? Response.notModified()
            : Response.ok(t.png(), "image/png");
    return r.header(HttpHeaders.ETAG, t.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
  }
}
