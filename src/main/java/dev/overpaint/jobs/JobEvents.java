package dev.overpaint.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The per-job fan-out from the inference worker to its watchers. It keeps what a late watcher needs
 * to catch up — the layout, the newest preview of every tile and the newest progress — and nothing
 * older, so memory is bounded by one frame per tile per live job.
 */
@ApplicationScoped
public class JobEvents {

  private final Map<UUID, Channel> channels = new ConcurrentHashMap<>();

  /** Starts keeping events for a job that will run. */
  public void open(UUID id) {
    channels.putIfAbsent(id, new Channel());
  }

  /**
   * Replays the job's current state into the subscriber, then delivers live events.
   *
   * @return false when the job has no live channel (it is finished or unknown)
   */
  public boolean subscribe(UUID id, JobSubscriber subscriber) {
    Channel channel = channels.get(id);
    return channel != null && channel.subscribe(subscriber);
  }

  public void unsubscribe(UUID id, JobSubscriber subscriber) {
    Channel channel = channels.get(id);
    if (channel != null) {
      channel.subscribers.remove(subscriber);
    }
  }

  /** A message replacing any earlier message of its type in the replay state. */
  public void text(UUID id, String type, String json) {
    Channel channel = channels.get(id);
    if (channel != null) {
      channel.text(type, json);
    }
  }

  public void frame(UUID id, int tileIndex, byte[] frame) {
    Channel channel = channels.get(id);
    if (channel != null) {
      channel.frame(tileIndex, frame);
    }
  }

  /** Delivers the terminal message and forgets the job. */
  public void close(UUID id, String type, String json) {
    Channel channel = channels.remove(id);
    if (channel != null) {
      channel.close(type, json);
    }
  }

  private static final class Channel {
    private final Map<String, String> latestText = new java.util.LinkedHashMap<>();
    private final Map<Integer, byte[]> latestFrames = new java.util.TreeMap<>();
    private final Set<JobSubscriber> subscribers = new CopyOnWriteArraySet<>();
    private boolean closed;

    synchronized boolean subscribe(JobSubscriber s) {
      if (closed) {
        return false;
      }
      latestText.forEach((type, json) -> s.text(type, json));
      latestFrames.forEach(s::frame);
      subscribers.add(s);
      return true;
    }

    synchronized void text(String type, String json) {
      if ("started".equals(type)) {
        latestFrames.clear();
        latestText.remove("queued");
      }
      latestText.put(type, json);
      subscribers.forEach(s -> s.text(type, json));
    }

    synchronized void frame(int tile, byte[] frame) {
      latestFrames.put(tile, frame);
      subscribers.forEach(s -> s.frame(tile, frame));
    }

    synchronized void close(String type, String json) {
      closed = true;
      subscribers.forEach(s -> s.text(type, json));
      subscribers.clear();
    }
  }
}
