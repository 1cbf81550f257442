package dev.overpaint.gallery;

import dev.overpaint.errors.AppException;
import dev.overpaint.gallery.GalleryDtos.PublicItem;
import dev.overpaint.gallery.GalleryDtos.PublicPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The shared public gallery: items an admin approved and has not hidden, newest publication first.
 * Pages are cut by keyset (published_at, id), so a page never repeats or skips an item when new
 * ones arrive; q is a Postgres full-text query (websearch syntax) over the prompts.
 */
@ApplicationScoped
public class PublicGallery {

  public static final int DEFAULT_LIMIT = 24;
  public static final int MAX_LIMIT = 100;
  static final int MAX_QUERY = 200;

  /** The last item of a page: the next page starts strictly after it. */
  record Cursor(Instant publishedAt, UUID id) {

    String encode() {
      String raw = publishedAt + "|" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        return new Cursor(
            Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
      } catch (IllegalArgumentException
          | DateTimeParseException
          | StringIndexOutOfBoundsException e) {
        throw AppException.invalid("cursor", "cursor is not one this server handed out");
      }
    }
  }

  @Inject EntityManager em;

  @Transactional
  public PublicPage page(String q, String cursor, Integer limit) {
    int n = limit == null ? DEFAULT_LIMIT : limit;
    if (n < 1 || n > MAX_LIMIT) {
      throw AppException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    String query = q == null ? "" : q.strip();
    if (query.length() > MAX_QUERY) {
      throw AppException.invalid("q", "q must be at most " + MAX_QUERY + " characters");
    }
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
    List<PublicItem> rows = fetch(query, after, n + 1);
    if (rows.size() <= n) {
      return new PublicPage(rows, null);
    }
    List<PublicItem> page = rows.subList(0, n);
    PublicItem last = page.get(n - 1);
    return new PublicPage(new ArrayList<>(page), new Cursor(last.createdAt(), last.id()).encode());
  }

  @SuppressWarnings("unchecked")
  private List<PublicItem> fetch(String q, Cursor after, int n) {
    StringBuilder sql =
        new StringBuilder(
            "select i.id, j.prompt, i.job_id, i.published_at from gallery_item i"
                + " join job j on j.id = i.job_id where i.status = 'public'");
    if (!q.isEmpty()) {
      sql.append(" and j.prompt_tsv @@ websearch_to_tsquery('english', :q)");
    }
    if (after != null) {
      sql.append(" and (i.published_at, i.id) < (:at, :id)");
    }
    sql.append(" order by i.published_at desc, i.id desc limit :n");
    Query query = em.createNativeQuery(sql.toString());
    if (!q.isEmpty()) {
      query.setParameter("q", q);
    }
    if (after != null) {
      query.setParameter("at", after.publishedAt().atOffset(ZoneOffset.UTC));
      query.setParameter("id", after.id());
    }
    query.setParameter("n", n);
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(PublicGallery::item).toList();
  }

  private static PublicItem item(Object[] r) {
    UUID id = (UUID) r[0];
    UUID jobId = (UUID) r[2];
    return new PublicItem(
        id,
        (String) r[1],
        GalleryDtos.thumbnailUrl(id),
        GalleryDtos.imageUrl(jobId),
        instant(r[3]));
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    return (Instant) value;
  }
}
