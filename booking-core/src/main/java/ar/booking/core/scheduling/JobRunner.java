package ar.booking.core.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every registered job once per interval across all instances. Each instance polls the shared
 * {@link JobSchedule} every tick and runs the jobs it wins, each on a thread of its own, so a slow
 * or failing job never holds back another. A failing run is reported to the {@link Listener}
 * (logged with its stack, counted) and retried when the job is next due.
 */
public final class JobRunner implements AutoCloseable {

  /** Told what happens, for logs, metrics and health. Must not throw. */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void succeeded(ScheduledJob job, Duration took) {}

    default void failed(ScheduledJob job, Throwable error, Duration took) {}

    /** The schedule could not be asked (database down): nothing ran this tick. */
    default void scheduleUnavailable(RuntimeException error) {}
  }

  private final JobSchedule schedule;
  private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
  private final Clock clock;
  private final String owner;
  private final Duration tick;
  private final Listener listener;
  private final Map<String, ExecutorService> workers = new ConcurrentHashMap<>();
  private final Map<String, Boolean> running = new ConcurrentHashMap<>();
  private final AtomicReference<Map<String, JobSchedule.JobState>> states =
      new AtomicReference<>(Map.of());
  private final Instant startedAt;
  private volatile Instant statesReadAt = Instant.EPOCH;
  private final Map<String, Instant> localSuccess = new ConcurrentHashMap<>();
  private ScheduledExecutorService ticker;

  /**
   * @param owner names this instance in the schedule (host and process, for operators)
   * @param tick how often the schedule is polled; a due job starts at most this late
   */
  public JobRunner(
      JobSchedule schedule,
      List<ScheduledJob> jobs,
      Clock clock,
      String owner,
      Duration tick,
      Listener listener) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.tick = Objects.requireNonNull(tick, "tick");
    this.listener = Objects.requireNonNull(listener, "listener");
    for (ScheduledJob job : jobs) {
      if (this.jobs.putIfAbsent(job.name(), job) != null) {
        throw new IllegalArgumentException("two jobs named " + job.name());
      }
    }
    this.startedAt = clock.instant();
  }

  /** A tick a quarter of the shortest interval, between 50 ms and 1 s. */
  public static Duration tickFor(List<ScheduledJob> jobs) {
    long shortest = jobs.stream().mapToLong(j -> j.interval().toMillis()).min().orElse(1000) / 4;
    return Duration.ofMillis(Math.max(50, Math.min(1000, shortest)));
  }

  public synchronized JobRunner start() {
    if (ticker != null) {
      throw new IllegalStateException("already started");
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "job-runner");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(this::tickQuietly, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      listener.scheduleUnavailable(e);
    }
  }

  /** One poll: starts every due job this instance wins. Public for tests. */
  public void tick() {
    Instant now = clock.instant();
    for (ScheduledJob job : jobs.values()) {
      if (running.containsKey(job.name())) {
        continue; // still running here: the schedule's lease keeps others off it too
      }
      var claim = schedule.tryClaim(job.name(), job.interval(), job.lease(), owner, now);
      if (claim.isPresent()) {
        running.put(job.name(), Boolean.TRUE);
        workerOf(job).execute(() -> run(job, claim.get()));
      }
    }
    if (Duration.between(statesReadAt, now).compareTo(tick) >= 0) {
      refreshStates(now);
    }
  }

  private void run(ScheduledJob job, JobSchedule.Claim claim) {
    long start = System.nanoTime();
    try {
      job.work().run();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      Instant end = clock.instant();
      record(() -> schedule.succeeded(claim, end));
      localSuccess.put(job.name(), end);
      listener.succeeded(job, took);
    } catch (Exception | LinkageError | AssertionError e) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String message = e.getClass().getSimpleName() + ": " + e.getMessage();
      record(() -> schedule.failed(claim, message, clock.instant()));
      listener.failed(job, e, took);
    } finally {
      running.remove(job.name());
    }
  }

  private void record(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      // The schedule is down: the lease lets the job run again once it is back.
      listener.scheduleUnavailable(e);
    }
  }

  private void refreshStates(Instant now) {
    Map<String, JobSchedule.JobState> byName = new LinkedHashMap<>();
    schedule.states().forEach(s -> byName.put(s.job(), s));
    states.set(Map.copyOf(byName));
    statesReadAt = now;
  }

  private ExecutorService workerOf(ScheduledJob job) {
    return workers.computeIfAbsent(
        job.name(),
        name ->
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "job-" + name);
                  t.setDaemon(true);
                  return t;
                }));
  }

  public List<ScheduledJob> jobs() {
    return List.copyOf(jobs.values());
  }

  /** The shared state of each job as last read (refreshed every tick while running). */
  public Map<String, JobSchedule.JobState> states() {
    return states.get();
  }

  /**
   * The jobs whose last success (by any instance) is older than three intervals; a job that never
   * succeeded counts from when this runner started.
   */
  public List<String> overdue(Instant now) {
    Map<String, JobSchedule.JobState> known = states.get();
    return jobs.values().stream()
        .filter(
            job -> {
              JobSchedule.JobState state = known.get(job.name());
              Instant last =
                  state == null || state.lastSuccessAt() == null
                      ? startedAt
                      : state.lastSuccessAt().isAfter(startedAt)
                          ? state.lastSuccessAt()
                          : startedAt;
              return Duration.between(last, now).compareTo(job.interval().multipliedBy(3)) > 0;
            })
        .map(ScheduledJob::name)
        .toList();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Stops polling and waits (up to {@code wait}) for running jobs to finish. */
  public void stop(Duration wait) {
    ScheduledExecutorService t;
    synchronized (this) {
      t = ticker;
      ticker = null;
    }
    if (t != null) {
      t.shutdown();
    }
    workers.values().forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      for (ExecutorService worker : workers.values()) {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!worker.awaitTermination(left, TimeUnit.NANOSECONDS)) {
          worker.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      workers.values().forEach(ExecutorService::shutdownNow);
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
