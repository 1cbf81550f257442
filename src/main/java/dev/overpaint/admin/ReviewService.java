package dev.overpaint.admin;

import dev.overpaint.admin.AdminDtos.AdminItem;
import dev.overpaint.admin.AdminDtos.AuditView;
import dev.overpaint.admin.AdminDtos.ItemState;
import dev.overpaint.admin.AdminDtos.ReviewView;
import dev.overpaint.errors.AppException;
import dev.overpaint.gallery.GalleryDtos;
import dev.overpaint.gallery.GalleryItem;
import dev.overpaint.gallery.ItemStatus;
import dev.overpaint.gallery.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The admins' decisions: approve or reject publication requests, hide or unhide public items. Each
 * decision and its audit entry are written in one transaction.
 */
@ApplicationScoped
public class ReviewService {

  static final int MAX_REASON = 500;
  static final int AUDIT_PAGE = 200;
  private static final Set<String> REVIEW_STATUSES =
      Set.of(Review.PENDING, Review.APPROVED, Review.REJECTED);

  @Inject EntityManager em;

  @Transactional
  public List<ReviewView> reviews(String status) {
    String s = status == null || status.isBlank() ? Review.PENDING : status.strip();
    if (!REVIEW_STATUSES.contains(s)) {
      throw AppException.invalid("status", "status must be pending, approved or rejected");
    }
    // The queue is worked oldest first; decisions are looked up newest first.
    String order = s.equals(Review.PENDING) ? "r.submittedAt asc" : "r.decidedAt desc";
    return em.createQuery(
            "select r, i.jobId, j.prompt from Review r, GalleryItem i, Job j"
                + " where i.id = r.itemId and j.id = i.jobId and r.status = ?1 order by "
                + order,
            Object[].class)
        .setParameter(1, s)
        .getResultStream()
        .map(row -> reviewView((Review) row[0], (UUID) row[1], (String) row[2]))
        .toList();
  }

  @Transactional
  public ReviewView approve(UUID reviewId, String admin) {
    Review r = pending(reviewId);
    GalleryItem item = GalleryItem.findById(r.itemId, LockModeType.PESSIMISTIC_WRITE);
    decide(r, Review.APPROVED, null, admin);
    item.status = ItemStatus.PUBLIC;
    item.publishedAt = r.decidedAt;
    audit(admin, "approve", reviewId, "item " + item.id + " is public");
    return view(r, item);
  }

  @Transactional
  public ReviewView reject(UUID reviewId, String reason, String admin) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw AppException.invalid("reason", "a reason is required to reject");
    }
    if (why.codePointCount(0, why.length()) > MAX_REASON) {
      throw AppException.invalid("reason", "reason must be at most " + MAX_REASON + " characters");
    }
    Review r = pending(reviewId);
    GalleryItem item = GalleryItem.findById(r.itemId, LockModeType.PESSIMISTIC_WRITE);
    decide(r, Review.REJECTED, why, admin);
    item.status = ItemStatus.REJECTED;
    audit(admin, "reject", reviewId, "item " + item.id + ": " + why);
    return view(r, item);
  }

  @Transactional
  public List<AdminItem> items(String status) {
    String s = status == null || status.isBlank() ? "public" : status.strip();
    if (!s.equals("public") && !s.equals("hidden")) {
      throw AppException.invalid("status", "status must be public or hidden");
    }
    return em.createQuery(
            "select i, j.prompt from GalleryItem i, Job j where j.id = i.jobId and i.status = ?1"
                + " order by i.publishedAt desc, i.id desc",
            Object[].class)
        .setParameter(1, ItemStatus.parse(s))
        .getResultStream()
        .map(row -> adminItem((GalleryItem) row[0], (String) row[1]))
        .toList();
  }

  @Transactional
  public ItemState hide(UUID itemId, String admin) {
    return move(itemId, ItemStatus.PUBLIC, ItemStatus.HIDDEN, "hide", admin);
  }

  @Transactional
  public ItemState unhide(UUID itemId, String admin) {
    return move(itemId, ItemStatus.HIDDEN, ItemStatus.PUBLIC, "unhide", admin);
  }

  @Transactional
  public List<AuditView> audit() {
    return AuditEntry.<AuditEntry>find("order by at desc, id desc").page(0, AUDIT_PAGE).stream()
        .map(a -> new AuditView(a.id, a.at, a.admin, a.action, a.target, a.detail))
        .toList();
  }

  private ItemState move(UUID itemId, ItemStatus from, ItemStatus to, String action, String admin) {
    GalleryItem item = GalleryItem.findById(itemId, LockModeType.PESSIMISTIC_WRITE);
    if (item == null) {
      throw AppException.notFound("item " + itemId);
    }
    if (item.status != from) {
      throw AppException.conflict(
          "item "
              + itemId
              + " is "
              + item.status.id()
              + "; only "
              + from.id()
              + " items can be"
              + (to == ItemStatus.HIDDEN ? " hidden" : " unhidden"));
    }
    item.status = to;
    audit(admin, action, itemId, null);
    return new ItemState(item.id, item.status.id());
  }

  private static Review pending(UUID reviewId) {
    Review r = Review.findById(reviewId, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      throw AppException.notFound("review " + reviewId);
    }
    if (!r.status.equals(Review.PENDING)) {
      throw AppException.conflict("review " + reviewId + " was already " + r.status);
    }
    return r;
  }

  private static void decide(Review r, String status, String reason, String admin) {
    r.status = status;
    r.reason = reason;
    r.decidedAt = Instant.now();
    r.decidedBy = admin;
  }

  private static void audit(String admin, String action, UUID target, String detail) {
    AuditEntry a = new AuditEntry();
    a.at = Instant.now();
    a.admin = admin;
    a.action = action;
    a.target = target.toString();
    a.detail = detail;
    a.persist();
  }

  private ReviewView view(Review r, GalleryItem item) {
    String prompt =
        em.createQuery("select j.prompt from Job j where j.id = ?1", String.class)
            .setParameter(1, item.jobId)
            .getSingleResult();
    return reviewView(r, item.jobId, prompt);
  }

  private static ReviewView reviewView(Review r, UUID jobId, String prompt) {
    return new ReviewView(
        r.id,
        r.itemId,
        prompt,
        GalleryDtos.imageUrl(jobId),
        GalleryDtos.thumbnailUrl(r.itemId),
        r.submittedAt,
        r.status,
        r.reason,
        r.decidedAt);
  }

  private static AdminItem adminItem(GalleryItem i, String prompt) {
    return new AdminItem(
        i.id,
        prompt,
        GalleryDtos.thumbnailUrl(i.id),
        GalleryDtos.imageUrl(i.jobId),
        i.status.id(),
        i.publishedAt);
  }
}
