package dev.overpaint.gallery;

import dev.overpaint.errors.AppException;
import dev.overpaint.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Small PNGs of items' pictures for the gallery grids. A job's picture never changes, so each
 * thumbnail is made once, kept in job_result, and named by a hash of its bytes (the ETag).
 */
@ApplicationScoped
public class Thumbnails {

  static final int SIZE = 128;

  /**
   * @param etag a strong validator, quoted as HTTP wants it
   */
  public record Thumbnail(byte[] png, String etag) {}

  @Inject GalleryService galleries;

  @Transactional
  public Thumbnail of(UUID itemId) {
    UUID jobId = galleries.jobOf(itemId);
    JobResult result = JobResult.findById(jobId);
    if (result == null || result.imagePng == null) {
      throw AppException.notFound("picture of item " + itemId);
    }
    if (result.thumbPng == null) {
      result.thumbPng = scale(result.imagePng);
    }
    return new Thumbnail(result.thumbPng, etag(result.thumbPng));
  }

  static byte[] scale(byte[] png) {
    try {
      BufferedImage src = ImageIO.read(new ByteArrayInputStream(png));
      BufferedImage dst = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
      var g = dst.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(src, 0, 0, SIZE, SIZE, null);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(dst, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
