package dev.overpaint.pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG encoding with a tEXt chunk, the way A1111 and InvokeAI keep generation parameters. */
public final class PngText {

  public static final String KEYWORD = "overpaint";

  private PngText() {}

  public static byte[] encode(BufferedImage image, String keyword, String text) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
      metadata.mergeTree("javax_imageio_png_1.0", textTree(keyword, text));
      writer.setOutput(out);
      writer.write(new IIOImage(image, null, metadata));
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  public static byte[] encode(BufferedImage image) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IIOMetadataNode textTree(String keyword, String text) {
    IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
    entry.setAttribute("keyword", keyword);
    entry.setAttribute("value", text);
    IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
    chunk.appendChild(entry);
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    root.appendChild(chunk);
    return root;
  }
}
