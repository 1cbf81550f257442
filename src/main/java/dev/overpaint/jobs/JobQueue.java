package dev.overpaint.jobs;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.UUID;

/**
 * The bounded FIFO between the REST side and the single inference worker. A slot is reserved before
 * the job row is written, so a full queue is refused before anything is stored.
 */
public final class JobQueue {

  private final int capacity;
  private final ArrayDeque<UUID> waiting = new ArrayDeque<>();
  private final java.util.Set<UUID> cancelRequests = new java.util.HashSet<>();
  private int reserved;

  public JobQueue(int capacity) {
    this.capacity = capacity;
  }

  /**
   * @return false when the queue (counting reservations) is full
   */
  public synchronized boolean reserve() {
    if (waiting.size() + reserved >= capacity) {
      return false;
    }
    reserved++;
    return true;
  }

  public synchronized void release() {
    reserved--;
  }

  /** Turns a reservation into a waiting job; returns its 1-based position. */
  public synchronized int commit(UUID id) {
    reserved--;
    return enqueue(id);
  }

  /** Adds a job without a reservation (re-queued at start-up); returns its position. */
  public synchronized int enqueue(UUID id) {
    waiting.addLast(id);
    notifyAll();
    return waiting.size();
  }

  /** Blocks until a job waits, then takes the oldest. */
  public synchronized UUID take() throws InterruptedException {
    while (waiting.isEmpty()) {
      wait();
    }
    return waiting.removeFirst();
  }

  /**
   * @return true when the job was waiting and is now removed
   */
  public synchronized boolean remove(UUID id) {
    return waiting.remove(id);
  }

  /** 1-based place among waiting jobs, or 0 when it is not waiting. */
  public synchronized int position(UUID id) {
    int position = 1;
    for (Iterator<UUID> it = waiting.iterator(); it.hasNext(); position++) {
      if (it.next().equals(id)) {
        return position;
      }
    }
    return 0;
  }

  /** Asks the worker to stop this job at its next step. */
  public synchronized void requestCancel(UUID id) {
    cancelRequests.add(id);
  }

  public synchronized boolean cancelRequested(UUID id) {
    return cancelRequests.contains(id);
  }

  public synchronized void forgetCancel(UUID id) {
    cancelRequests.remove(id);
  }

  public synchronized java.util.List<UUID> snapshot() {
    return java.util.List.copyOf(waiting);
  }
}
