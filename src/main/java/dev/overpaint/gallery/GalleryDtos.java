package dev.overpaint.gallery;

import dev.overpaint.jobs.JobView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the gallery and public-gallery APIs. */
public final class GalleryDtos {

  private GalleryDtos() {}

  public record CreateGallery(String name) {}

  public record RenameGallery(String name) {}

  public record AddItem(String jobId) {}

  /** Every item of the gallery, each exactly once, in the new order. */
  public record Reorder(List<String> itemIds) {}

  public record GallerySummary(UUID id, String name, long itemCount, Instant createdAt) {}

  public record ItemCreated(UUID id) {}

  public record Published(UUID id, String status) {}

  /**
   * @param status private, pending, public, rejected or hidden
   * @param reason why an admin rejected it (status rejected), else null
   */
  public record ItemView(
      UUID id,
      UUID jobId,
      String prompt,
      String image,
      String thumbnail,
      String status,
      int position,
      String reason) {}

  public record GalleryView(UUID id, String name, boolean owned, List<ItemView> items) {}

  /**
   * @param author the display name of the session that owns the gallery, or null
   */
  public record ItemDetail(
      UUID id,
      UUID galleryId,
      String galleryName,
      String author,
      String status,
      String reason,
      Instant createdAt,
      boolean owned,
      String thumbnail,
      String image,
      JobView job) {}

  /**
   * @param createdAt when it was published (approved), the public gallery's order
   */
  public record PublicItem(
      UUID id, String prompt, String thumbnail, String image, Instant createdAt) {}

  /**
   * @param next the cursor of the following page, or null on the last one
   */
  public record PublicPage(List<PublicItem> items, String next) {}

  public static String imageUrl(UUID jobId) {
    return "/api/jobs/" + jobId + "/image.png";
  }

  public static String thumbnailUrl(UUID itemId) {
    return "/api/items/" + itemId + "/thumbnail.png";
  }
}
