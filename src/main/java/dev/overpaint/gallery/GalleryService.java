package dev.overpaint.gallery;

import dev.overpaint.errors.AppException;
import dev.overpaint.gallery.GalleryDtos.GallerySummary;
import dev.overpaint.gallery.GalleryDtos.GalleryView;
import dev.overpaint.gallery.GalleryDtos.ItemDetail;
import dev.overpaint.gallery.GalleryDtos.ItemView;
import dev.overpaint.gallery.GalleryDtos.Published;
import dev.overpaint.jobs.Job;
import dev.overpaint.jobs.JobService;
import dev.overpaint.jobs.JobStatus;
import dev.overpaint.sessions.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Galleries belong to the session that made them; anyone with the link may look, only the owner may
 * change them. Every method is one transaction, so a refused request leaves nothing behind.
 */
@ApplicationScoped
public class GalleryService {

  static final int MAX_NAME = 200;
  static final int MAX_ITEMS = 1000;

  @Inject EntityManager em;
  @Inject JobService jobs;
  @Inject SessionService sessions;

  @Transactional
  public GallerySummary create(String name, String owner) {
    Gallery g = new Gallery();
    g.id = UUID.randomUUID();
    g.owner = owner;
    g.name = validName(name);
    g.createdAt = Instant.now();
    g.persist();
    return summary(g);
  }

  @Transactional
  public List<GallerySummary> mine(String owner) {
    return Gallery.<Gallery>find("owner = ?1 order by createdAt desc", owner).stream()
        .map(this::summary)
        .toList();
  }

  @Transactional
  public GallerySummary rename(UUID id, String name, String owner) {
    Gallery g = owned(id, owner);
    g.name = validName(name);
    return summary(g);
  }

  /** Its items go with it, and with them their place in the public gallery. */
  @Transactional
  public void delete(UUID id, String owner) {
    owned(id, owner).delete();
  }

  @Transactional
  public GalleryView view(UUID id, String viewer) {
    Gallery g = find(id);
    List<ItemView> items =
        em.createQuery(
                "select i, j.prompt from GalleryItem i, Job j where j.id = i.jobId"
                    + " and i.galleryId = ?1 order by i.position, i.createdAt",
                Object[].class)
            .setParameter(1, id)
            .getResultStream()
            .map(r -> itemView((GalleryItem) r[0], (String) r[1]))
            .toList();
    return new GalleryView(g.id, g.name, g.owner.equals(viewer), items);
  }

  /** Adds a finished job of any session to a gallery the caller owns. */
  @Transactional
  public UUID addItem(UUID galleryId, String jobId, String owner) {
    owned(galleryId, owner);
    Job job = Job.findById(parseJob(jobId));
    if (job == null) {
      throw AppException.invalid("jobId", "job " + jobId + " does not exist");
    }
    if (job.status != JobStatus.DONE) {
      throw AppException.conflict(
          "job " + jobId + " is " + job.status.id() + "; only finished jobs can be saved");
    }
    long count = GalleryItem.count("galleryId", galleryId);
    if (count >= MAX_ITEMS) {
      throw AppException.conflict("a gallery holds at most " + MAX_ITEMS + " items");
    }
    GalleryItem item = new GalleryItem();
    item.id = UUID.randomUUID();
    item.galleryId = galleryId;
    item.jobId = job.id;
    item.position = (int) count;
    item.createdAt = Instant.now();
    item.persist();
    return item.id;
  }

  @Transactional
  public void removeItem(UUID galleryId, UUID itemId, String owner) {
    owned(galleryId, owner);
    itemOf(galleryId, itemId, false).delete();
  }

  @Transactional
  public GalleryView reorder(UUID galleryId, List<String> itemIds, String owner) {
    owned(galleryId, owner);
    List<GalleryItem> items = GalleryItem.list("galleryId", galleryId);
    List<UUID> order = permutation(itemIds, items);
    for (GalleryItem item : items) {
      item.position = order.indexOf(item.id);
    }
    return view(galleryId, owner);
  }

  /**
   * Puts an item in the admins' review queue. Asking again while it waits changes nothing; a
   * rejected item may be sent again; a public or hidden one may not.
   */
  @Transactional
  public Published publish(UUID galleryId, UUID itemId, String owner) {
    owned(galleryId, owner);
    GalleryItem item = itemOf(galleryId, itemId, true);
    switch (item.status) {
      case PUBLIC, HIDDEN ->
          throw AppException.conflict("item " + itemId + " is already " + item.status.id());
      case PENDING -> {}
      case PRIVATE, REJECTED -> {
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.itemId = item.id;
        review.status = Review.PENDING;
        review.submittedAt = Instant.now();
        review.persist();
        item.status = ItemStatus.PENDING;
      }
    }
    return new Published(item.id, item.status.id());
  }

  @Transactional
  public ItemDetail item(UUID itemId, String viewer) {
    GalleryItem item = GalleryItem.findById(itemId);
    if (item == null) {
      throw AppException.notFound("item " + itemId);
    }
    Gallery g = find(item.galleryId);
    return new ItemDetail(
        item.id,
        g.id,
        g.name,
        sessions.get(g.owner).displayName(),
        item.status.id(),
        reason(item),
        item.createdAt,
        g.owner.equals(viewer),
        GalleryDtos.thumbnailUrl(item.id),
        GalleryDtos.imageUrl(item.jobId),
        jobs.get(item.jobId));
  }

  /** The job whose picture an item shows. */
  @Transactional
  public UUID jobOf(UUID itemId) {
    GalleryItem item = GalleryItem.findById(itemId);
    if (item == null) {
      throw AppException.notFound("item " + itemId);
    }
    return item.jobId;
  }

  private ItemView itemView(GalleryItem i, String prompt) {
    return new ItemView(
        i.id,
        i.jobId,
        prompt,
        GalleryDtos.imageUrl(i.jobId),
        GalleryDtos.thumbnailUrl(i.id),
        i.status.id(),
        i.position,
        reason(i));
  }

  private String reason(GalleryItem item) {
    if (item.status != ItemStatus.REJECTED) {
      return null;
    }
    return Review.<Review>find(
            "itemId = ?1 and status = ?2 order by decidedAt desc", item.id, Review.REJECTED)
        .firstResultOptional()
        .map(r -> r.reason)
        .orElse(null);
  }

  private GallerySummary summary(Gallery g) {
    return new GallerySummary(g.id, g.name, GalleryItem.count("galleryId", g.id), g.createdAt);
  }

  private static List<UUID> permutation(List<String> ids, List<GalleryItem> items) {
    if (ids == null) {
      throw AppException.invalid("itemIds", "itemIds is required");
    }
    Set<UUID> present = new HashSet<>();
    items.forEach(i -> present.add(i.id));
    List<UUID> order = ids.stream().map(GalleryService::parseItem).toList();
    if (order.size() != items.size() || !new HashSet<>(order).equals(present)) {
      throw AppException.invalid(
          "itemIds", "itemIds must list every item of the gallery exactly once");
    }
    return order;
  }

  private static UUID parseItem(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw AppException.invalid("itemIds", "'" + id + "' is not an item id");
    }
  }

  private static String validName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw AppException.invalid("name", "name is required");
    }
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      throw AppException.invalid("name", "name must be at most " + MAX_NAME + " characters");
    }
    return n;
  }

  private static Gallery owned(UUID id, String owner) {
    Gallery g = find(id);
    if (!g.owner.equals(owner)) {
      throw AppException.forbidden("only the session that created this gallery may change it");
    }
    return g;
  }

  private static GalleryItem itemOf(UUID galleryId, UUID itemId, boolean lock) {
    GalleryItem item =
        lock
            ? GalleryItem.findById(itemId, LockModeType.PESSIMISTIC_WRITE)
            : GalleryItem.findById(itemId);
    if (item == null || !item.galleryId.equals(galleryId)) {
      throw AppException.notFound("item " + itemId + " in gallery " + galleryId);
    }
    return item;
  }

  private static Gallery find(UUID id) {
    Gallery g = Gallery.findById(id);
    if (g == null) {
      throw AppException.notFound("gallery " + id);
    }
    return g;
  }

  private static UUID parseJob(String jobId) {
    if (jobId == null) {
      throw AppException.invalid("jobId", "jobId is required");
    }
    try {
      return UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      throw AppException.invalid("jobId", "jobId must be a job id (a UUID)");
    }
  }
}
