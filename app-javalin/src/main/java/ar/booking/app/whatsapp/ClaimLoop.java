package ar.booking.app.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop that claims work in passes: right after a pass that found work, otherwise when
 * woken (a webhook stored messages, a reply was queued) or after {@code poll}. Claims are safe
 * across instances (leases with {@code FOR UPDATE SKIP LOCKED}), so every instance runs one. What a
 * pass claims runs on a pool of {@code threads} workers ({@link #claimAndRun}).
 */
abstract class ClaimLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClaimLoop.class);

  private final String name;
  private final Duration poll;
  private final Object signal = new Object();
  private final AtomicLong failures = new AtomicLong();
  private boolean woken;
  private volatile boolean running;
  private final int threads;
  private final ExecutorService pool;
  private final Semaphore slots;
  private boolean backlog;
  private Thread thread;

  ClaimLoop(String name, Duration poll, int threads) {
    this.name = name;
    this.poll = poll;
    this.threads = threads;
    this.slots = new Semaphore(threads);
    this.pool =
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().daemon().name(name + "-", 1).factory());
  }

  /**
   * Claims with {@code claim} (given how many workers are free) and runs {@code work} on each
   * claimed item in the pool; a finishing item wakes the loop. Under a backlog (the last claim came
   * back full) it claims only once half the workers are free: a claim costs one query whatever its
   * size, and claims of one item each starve the workers. Returns how many it claimed.
   */
  <T> int claimAndRun(IntFunction<List<T>> claim, Consumer<T> work) {
    int free = slots.availablePermits();
    if (free == 0 || (backlog && free < (threads + 1) / 2)) {
      return 0;
    }
    List<T> claimed = claim.apply(free);
    backlog = claimed.size() == free;
    for (T item : claimed) {
      slots.acquireUninterruptibly();
      pool.execute(
          () -> {
            try {
              work.accept(item);
            } catch (RuntimeException e) {
              log.warn("{}: a claimed item failed: {}", name, e.toString());
            } finally {
              slots.release();
              wake();
            }
          });
    }
    return claimed.size();
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

  /**
   * Stops after the current pass, waiting for it up to ten seconds, then up to ten seconds for the
   * items in hand.
   */
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
    pool.shutdown();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code base * 4^(attempt-1)}, at most {@code max}. */
  static Duration backoff(Duration base, Duration max, int attempt) {
    long factor = 1L << (2 * Math.min(Math.max(attempt - 1, 0), 15));
    Duration d = base.multipliedBy(factor);
    return d.compareTo(max) > 0 ? max : d;
  }
}
