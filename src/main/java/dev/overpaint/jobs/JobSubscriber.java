package dev.overpaint.jobs;

/** Something that watches one job: a WebSocket connection, or a test. Calls must not block. */
public interface JobSubscriber {

  /** A JSON text message with a "type". */
  void text(String type, String json);

  /** The newest preview of one tile (or of the canvas), encoded as a {@link PreviewFrame}. */
  void frame(int tileIndex, byte[] frame);
}
