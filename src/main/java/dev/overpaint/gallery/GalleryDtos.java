package dev.overpaint.gallery;

import java.util.List;
import java.util.UUID;

/** The JSON shapes of the gallery API. */
public final class GalleryDtos {

  private GalleryDtos() {}

  public record CreateGallery(String name) {}

  public record AddItem(String jobId) {}

  public record GallerySummary(UUID id, String name) {}

  public record ItemCreated(UUID id) {}

  public record ItemView(UUID id, UUID jobId, String prompt, String image) {}

  public record GalleryView(UUID id, String name, List<ItemView> items) {}
}
