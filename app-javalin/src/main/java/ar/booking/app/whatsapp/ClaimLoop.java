package ar.booking.app.whatsapp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop that claims work in passes: right after a pass that found work, otherwise when
 * woken (a webhook stored messages, a reply was queued) or after {@code poll}. Claims are safe
 * across instances (leases with {@code FOR UPDATE SKIP LOCKED}), so every instance runs one.
 */
abstract class ClaimLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClaimLoop.class);

  private final String name;
  private final Duration poll;
  private final Object signal = new Object();
  private final AtomicLong failures = new AtomicLong();
  private boolean woken;
  private volatile boolean running;
  private Thread thread;

  ClaimLoop(String name, Duration poll) {
    this.name = name;
    this.poll = poll;
  }

  /** One pass: claims and handles what is due; returns how many it claimed. Public for tests. */
  public abstract int pass();

  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException(name + " already started");
    }
    running = true;
    thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
  }

  /** Asks for a pass now. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  long failures() {
    return failures.get();
  }

  private void loop() {
    while (running) {
      int claimed = 0;
      try {
        claimed = pass();
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        log.warn("{} pass failed (storage unavailable?), trying again: {}", name, e.toString());
      }
      if (claimed == 0 && running) {
        await();
      }
    }
  }

  private void await() {
    synchronized (signal) {
      try {
        if (!woken) {
          signal.wait(poll.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      woken = false;
    }
  }

  /** Stops after the current pass, waiting for it up to ten seconds. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    wake();
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code base * 4^(attempt-1)}, at most {@code max}. */
  static Duration backoff(Duration base, Duration max, int attempt) {
    long factor = 1L << (2 * Math.min(Math.max(attempt - 1, 0), 15));
    Duration d = base.multipliedBy(factor);
    return d.compareTo(max) > 0 ? max : d;
  }
}
