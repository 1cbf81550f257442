package dev.overpaint.web;

import dev.overpaint.jobs.JobSubscriber;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What one WebSocket connection still has to send. A slow client gets the newest frame of each tile
 * and the newest progress, never a growing backlog: one message is in flight at a time and a newer
 * frame of a tile replaces the unsent older one. Text goes before frames, so "started" always
 * precedes the frames it lays out.
 */
final class Outbox implements JobSubscriber {

  /** Messages of these types supersede earlier unsent ones of the same type. */
  private static final List<String> COALESCED = List.of("progress", "queued");

  /** The sending side of a connection; each call completes when the message is written. */
  interface Sender {
    CompletionStage<Void> text(String json);

    CompletionStage<Void> binary(byte[] frame);

    boolean isOpen();

    void close();

    static Sender of(WebSocketConnection c) {
      return new Sender() {
        @Override
        public CompletionStage<Void> text(String json) {
          return c.sendText(json).subscribeAsCompletionStage();
        }

        @Override
        public CompletionStage<Void> binary(byte[] frame) {
          return c.sendBinary(Buffer.buffer(frame)).subscribeAsCompletionStage();
        }

        @Override
        public boolean isOpen() {
          return c.isOpen();
        }

        @Override
        public void close() {
          c.close().subscribe().with(v -> {}, e -> {});
        }
      };
    }
  }

  private final Sender connection;
  private final List<String[]> texts = new ArrayList<>();
  private final Map<Integer, byte[]> frames = new LinkedHashMap<>();
  private boolean sending;
  private boolean closeWhenDrained;

  Outbox(Sender connection) {
    this.connection = connection;
  }

  @Override
  public void text(String type, String json) {
    synchronized (this) {
      if (COALESCED.contains(type)) {
        texts.removeIf(t -> t[0].equals(type));
      }
      texts.add(new String[] {type, json});
    }
    drain();
  }

  @Override
  public void frame(int tileIndex, byte[] frame) {
    synchronized (this) {
      frames.remove(tileIndex);
      frames.put(tileIndex, frame);
    }
    drain();
  }

  /** Closes the connection once everything queued so far has been sent. */
  void closeWhenDrained() {
    synchronized (this) {
      closeWhenDrained = true;
    }
    drain();
  }

  private void drain() {
    CompletionStage<Void> send;
    synchronized (this) {
      if (sending || !connection.isOpen()) {
        return;
      }
      send = next();
      if (send == null) {
        if (closeWhenDrained) {
          connection.close();
        }
        return;
      }
      sending = true;
    }
    send.whenComplete((v, e) -> sent());
  }

  private void sent() {
    synchronized (this) {
      sending = false;
    }
    drain();
  }

  private CompletionStage<Void> next() {
    if (!texts.isEmpty()) {
      return connection.text(texts.remove(0)[1]);
    }
    Iterator<Map.Entry<Integer, byte[]>> it = frames.entrySet().iterator();
    if (it.hasNext()) {
      byte[] frame = it.next().getValue();
      it.remove();
      return connection.binary(frame);
    }
    return null;
  }
}
