package dev.overpaint.jobs;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The binary WebSocket frame: an 18-byte big-endian header placing one preview in the canvas,
 * followed by the encoded image (protocol version 1).
 */
public record PreviewFrame(
    int kind,
    int format,
    int tileIndex,
    int step,
    int totalSteps,
    int x,
    int y,
    int width,
    int height,
    byte[] image) {

  public static final int VERSION = 1;
  public static final int HEADER_BYTES = 18;
  public static final int KIND_TILE = 1;
  public static final int KIND_CANVAS = 2;
  public static final int FORMAT_JPEG = 1;
  public static final int FORMAT_PNG = 2;
  public static final int CANVAS_INDEX = 0xFFFF;

  public byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + image.length);
    b.put((byte) VERSION).put((byte) kind).put((byte) format).put((byte) 0);
    for (int v : new int[] {tileIndex, step, totalSteps, x, y, width, height}) {
      b.putShort(u16(v));
    }
    return b.put(image).array();
  }

  public static PreviewFrame decode(byte[] frame) {
    if (frame.length < HEADER_BYTES) {
      throw new IllegalArgumentException(
          "frame of " + frame.length + " bytes is shorter than its header");
    }
    ByteBuffer b = ByteBuffer.wrap(frame);
    int version = b.get() & 0xff;
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported frame version " + version);
    }
    int kind = b.get() & 0xff;
    int format = b.get() & 0xff;
    b.get();
    int[] v = new int[7];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getShort() & 0xffff;
    }
    return new PreviewFrame(
        kind,
        format,
        v[0],
        v[1],
        v[2],
        v[3],
        v[4],
        v[5],
        v[6],
        Arrays.copyOfRange(frame, HEADER_BYTES, frame.length));
  }

  private static short u16(int v) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException("header field " + v + " does not fit in u16");
    }
    return (short) v;
  }
}
