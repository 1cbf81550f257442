package dev.overpaint.web;

import dev.overpaint.jobs.JobEvents;
import dev.overpaint.jobs.JobService;
import dev.overpaint.jobs.JobView;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /ws/jobs/{id}: the job's status first, then a replay of its layout, the newest preview of every
 * tile and its progress, then live messages until it ends.
 */
@WebSocket(path = "/ws/jobs/{id}")
public class JobSocket {

  @Inject JobService jobs;
  @Inject JobEvents events;

  private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();

  @OnOpen
  public void open(WebSocketConnection connection) {
    Outbox outbox = new Outbox(Outbox.Sender.of(connection));
    Optional<UUID> id = parse(connection.pathParam("id"));
    Optional<JobView> job = id.flatMap(jobs::find);
    if (job.isEmpty()) {
      outbox.text(
          "failed",
          jobs.message(
              "failed", Map.of("detail", "job " + connection.pathParam("id") + " does not exist")));
      outbox.closeWhenDrained();
      return;
    }
    outbox.text("status", jobs.statusMessage(job.get()));
    outboxes.put(connection.id(), outbox);
    if (!events.subscribe(id.get(), outbox)) {
      // Finished, possibly between the read above and now: say how it ended.
      jobs.find(id.get()).ifPresent(view -> sendEnding(outbox, view));
    }
  }

  @OnClose
  public void close(WebSocketConnection connection) {
    Outbox outbox = outboxes.remove(connection.id());
    parse(connection.pathParam("id"))
        .ifPresent(
            id -> {
              if (outbox != null) {
                events.unsubscribe(id, outbox);
              }
            });
  }

  private void sendEnding(Outbox outbox, JobView view) {
    switch (view.status()) {
      case "done" ->
          outbox.text(
              "done",
              jobs.message("done", Map.of("image", "/api/jobs/" + view.id() + "/image.png")));
      case "cancelled" -> outbox.text("cancelled", jobs.message("cancelled", Map.of()));
      case "failed", "interrupted" ->
          outbox.text(
              "failed",
              jobs.message(
                  "failed", Map.of("detail", view.error() == null ? view.status() : view.error())));
      default -> outbox.text("status", jobs.statusMessage(view));
    }
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
