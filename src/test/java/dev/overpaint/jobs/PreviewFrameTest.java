package dev.overpaint.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PreviewFrameTest {

  @Test
  void headerIsEighteenBigEndianBytes() {
    byte[] image = {(byte) 0xFF, (byte) 0xD8, 7};
    byte[] bytes = new PreviewFrame(1, 1, 5, 3, 20, 48, 300, 64, 0x1234, image).encode();
    assertEquals(18 + 3, bytes.length);
    assertArrayEquals(
        new byte[] {
          1,
          1,
          1,
          0,
          0,
          5,
          0,
          3,
          0,
          20,
          0,
          48,
          1,
          44,
          0,
          64,
          0x12,
          0x34,
          (byte) 0xFF,
          (byte) 0xD8,
          7
        },
        bytes);
  }

  @Test
  void decodeInvertsEncode() {
    PreviewFrame frame =
        new PreviewFrame(
            2, 2, PreviewFrame.CANVAS_INDEX, 65535, 65535, 0, 0, 208, 208, new byte[] {9});
    PreviewFrame back = PreviewFrame.decode(frame.encode());
    assertEquals(frame.kind(), back.kind());
    assertEquals(frame.format(), back.format());
    assertEquals(0xFFFF, back.tileIndex());
    assertEquals(65535, back.step());
    assertEquals(208, back.width());
    assertArrayEquals(new byte[] {9}, back.image());
  }

  @Test
  void rejectsBadFrames() {
    assertThrows(IllegalArgumentException.class, () -> PreviewFrame.decode(new byte[17]));
    byte[] wrongVersion = new PreviewFrame(1, 1, 0, 0, 1, 0, 0, 1, 1, new byte[0]).encode();
    wrongVersion[0] = 2;
    assertThrows(IllegalArgumentException.class, () -> PreviewFrame.decode(wrongVersion));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PreviewFrame(1, 1, 70000, 0, 1, 0, 0, 1, 1, new byte[0]).encode());
  }
}
