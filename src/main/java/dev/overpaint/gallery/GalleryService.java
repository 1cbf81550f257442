package dev.overpaint.gallery;

import dev.overpaint.errors.AppException;
import dev.overpaint.gallery.GalleryDtos.GallerySummary;
import dev.overpaint.gallery.GalleryDtos.GalleryView;
import dev.overpaint.gallery.GalleryDtos.ItemView;
import dev.overpaint.jobs.Job;
import dev.overpaint.jobs.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Galleries belong to the session that made them; anyone with the link may look. */
@ApplicationScoped
public class GalleryService {

  static final int MAX_NAME = 200;

  @Inject EntityManager em;

  @Transactional
  public GallerySummary create(String name, String owner) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw AppException.invalid("name", "name is required");
    }
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      throw AppException.invalid("name", "name must be at most " + MAX_NAME + " characters");
    }
    Gallery g = new Gallery();
    g.id = UUID.randomUUID();
    g.owner = owner;
    g.name = n;
    g.createdAt = Instant.now();
    g.persist();
    return new GallerySummary(g.id, g.name);
  }

  @Transactional
  public List<GallerySummary> mine(String owner) {
    return Gallery.<Gallery>find("owner = ?1 order by createdAt desc", owner).stream()
        .map(g -> new GallerySummary(g.id, g.name))
        .toList();
  }

  @Transactional
  public GalleryView view(UUID id) {
    Gallery g = find(id);
    List<ItemView> items =
        em.createQuery(
                "select i.id, i.jobId, j.prompt from GalleryItem i, Job j where j.id = i.jobId and i.galleryId = ?1"
                    + " order by i.position",
                Object[].class)
            .setParameter(1, id)
            .getResultStream()
            .map(
                r ->
                    new ItemView(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        "/api/jobs/" + r[1] + "/image.png"))
            .toList();
    return new GalleryView(g.id, g.name, items);
  }

  /** Adds a finished job of any session to a gallery the caller owns. */
  @Transactional
  public UUID addItem(UUID galleryId, String jobId, String owner) {
    Gallery g = find(galleryId);
    if (!g.owner.equals(owner)) {
      throw AppException.forbidden("only the session that created this gallery may change it");
    }
    Job job = Job.findById(parseJob(jobId));
    if (job == null) {
      throw AppException.invalid("jobId", "job " + jobId + " does not exist");
    }
    if (job.status != JobStatus.DONE) {
      throw AppException.conflict(
          "job " + jobId + " is " + job.status.id() + "; only finished jobs can be saved");
    }
    GalleryItem item = new GalleryItem();
    item.id = UUID.randomUUID();
    item.galleryId = galleryId;
    item.jobId = job.id;
    item.position = (int) GalleryItem.count("galleryId", galleryId);
    item.createdAt = Instant.now();
    item.persist();
    return item.id;
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
