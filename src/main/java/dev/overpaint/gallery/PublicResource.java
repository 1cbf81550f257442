package dev.overpaint.gallery;

import dev.overpaint.errors.AppException;
import dev.overpaint.gallery.GalleryDtos.PublicPage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GET /api/public/items: the shared public gallery, searchable, page by page. */
@Path("/api/public/items")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {

  @Inject PublicGallery gallery;

  @GET
  public PublicPage items(
      @QueryParam("q") String q,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    return gallery.page(q, cursor, parseLimit(limit));
  }

  private static Integer parseLimit(String limit) {
    if (limit == null || limit.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(limit.strip());
    } catch (NumberFormatException e) {
      throw AppException.invalid("limit", "limit must be a whole number");
    }
  }
}
