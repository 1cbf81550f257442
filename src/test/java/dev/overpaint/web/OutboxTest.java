package dev.overpaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** A client that reads slowly gets the newest frame per tile, never a backlog. */
class OutboxTest {

  /** A connection whose writes complete only when the test says so. */
  private static final class SlowSender implements Outbox.Sender {
    final List<String> sent = new ArrayList<>();
    final List<CompletableFuture<Void>> pending = new ArrayList<>();
    boolean closed;

    @Override
    public CompletionStage<Void> text(String json) {
      sent.add(json);
      return hold();
    }

    @Override
    public CompletionStage<Void> binary(byte[] frame) {
      sent.add("frame" + frame[0] + "@" + frame[1]);
      return hold();
    }

    private CompletionStage<Void> hold() {
      CompletableFuture<Void> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }

    void completeAll() {
      while (!pending.isEmpty()) {
        pending.remove(0).complete(null);
      }
    }

    @Override
    public boolean isOpen() {
      return !closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void onlyTheNewestFramePerTileAndTheNewestProgressWait() {
    SlowSender sender = new SlowSender();
    Outbox outbox = new Outbox(sender);
    outbox.text("status", "status");
    for (int step = 1; step <= 50; step++) {
      for (int tile = 0; tile < 16; tile++) {
        outbox.frame(tile, new byte[] {(byte) tile, (byte) step});
      }
      outbox.text("progress", "progress" + step);
    }
    assertEquals(List.of("status"), sender.sent, "one message in flight at a time");

    sender.completeAll();

    assertEquals("progress50", sender.sent.get(1), "texts first, and only the newest progress");
    assertEquals(2 + 16, sender.sent.size(), "one frame per tile was left to send");
    for (int tile = 0; tile < 16; tile++) {
      assertTrue(
          sender.sent.contains("frame" + tile + "@50"), "tile " + tile + " at its newest step");
    }
  }

  @Test
  void closesOnceEverythingQueuedIsSent() {
    SlowSender sender = new SlowSender();
    Outbox outbox = new Outbox(sender);
    outbox.text("failed", "failed");
    outbox.closeWhenDrained();
    assertEquals(false, sender.closed);
    sender.completeAll();
    assertTrue(sender.closed);
  }
}
