package ar.booking.app.jobs;

import ar.booking.app.health.HealthCheck;
import ar.booking.core.event.Delivery;
import ar.booking.core.event.DeliveryStatus;
import ar.booking.core.event.EventDispatcher;
import ar.booking.core.event.EventLog;
import ar.booking.core.scheduling.JobRunner;
import ar.booking.core.scheduling.JobSchedule;
import ar.booking.core.scheduling.ScheduledJob;
import ar.booking.core.usecase.ExpireHolds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's periodic jobs on one cluster-safe {@link JobRunner}: {@code expire_holds} and {@code
 * dispatch_events}, and those other areas hand in ({@code sync_ical_feeds}). Owns the runner's
 * metrics, the event-delivery metrics and the {@code jobs} health check.
 */
public final class BackgroundJobs implements AutoCloseable {

  public static final String EXPIRE_HOLDS = "expire_holds";
  public static final String DISPATCH_EVENTS = "dispatch_events";

  private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

  private final JobRunner runner;
  private final Clock clock;

  /**
   * @param expiryInterval how often expired holds are released
   * @param eventsInterval how often committed events are handed to subscribers
   * @param more the other issues' jobs ({@code sync_ical_feeds}), each on its own interval
   */
  public BackgroundJobs(
      JobSchedule schedule,
      ExpireHolds expireHolds,
      EventLog events,
      EventDispatcher dispatcher,
      Duration expiryInterval,
      Duration eventsInterval,
      List<ScheduledJob> more,
      Clock clock,
      MeterRegistry registry) {
    this.clock = clock;
    AtomicLong pending = new AtomicLong();
    Gauge.builder("event.deliveries.pending", pending, AtomicLong::get)
        .description("Event deliveries waiting for a subscriber (as of the last dispatch)")
        .strongReference(true)
        .register(registry);
    List<ScheduledJob> jobs = new ArrayList<>();
    jobs.add(
        ScheduledJob.every(
            expiryInterval,
            EXPIRE_HOLDS,
            () -> {
              int expired = expireHolds.execute().codes().size();
              if (expired > 0) {
                log.info("Released {} expired holds", expired);
              }
            }));
    jobs.add(
        ScheduledJob.every(
            eventsInterval,
            DISPATCH_EVENTS,
            () -> {
              dispatcher.dispatch();
              pending.set(events.count(DeliveryStatus.PENDING));
            }));
    jobs.addAll(more);
    JobMetrics metrics = new JobMetrics(registry);
    this.runner = new JobRunner(schedule, jobs, clock, owner(), JobRunner.tickFor(jobs), metrics);
    metrics.bind(jobs, runner::states);
  }

  /** Logs and counts what the dispatcher reports ({@code event_deliveries_dead_total}). */
  public static EventDispatcher.Listener dispatchListener(MeterRegistry registry) {
    return new EventDispatcher.Listener() {
      @Override
      public void failed(Delivery delivery, Exception error, boolean dead) {
        if (dead) {
          Counter.builder("event.deliveries.dead")
              .description("Event deliveries given up after their last attempt")
              .tag("subscriber", delivery.subscriber())
              .register(registry)
              .increment();
          log.error(
              "Event {} ({} of {}) is dead for subscriber {} after {} attempts",
              delivery.event().id(),
              delivery.event().type(),
              delivery.event().stream(),
              delivery.subscriber(),
              delivery.attempts() + 1,
              error);
        } else {
          log.warn(
              "Event {} ({}) failed for subscriber {} (attempt {}), will retry: {}",
              delivery.event().id(),
              delivery.event().type(),
              delivery.subscriber(),
              delivery.attempts() + 1,
              error.toString());
        }
      }
    };
  }

  public BackgroundJobs start() {
    runner.start();
    return this;
  }

  public JobRunner runner() {
    return runner;
  }

  /** Degraded when a job's last success, by any instance, is older than three intervals. */
  public HealthCheck health() {
    return () -> {
      List<String> overdue = runner.overdue(clock.instant());
      Map<String, Object> details = new LinkedHashMap<>();
      runner
          .states()
          .forEach(
              (name, state) ->
                  details.put(
                      name,
                      state.lastSuccessAt() == null ? "never" : state.lastSuccessAt().toString()));
      if (overdue.isEmpty()) {
        return HealthCheck.Result.up(details);
      }
      details.put("overdue", overdue);
      return HealthCheck.Result.down(details);
    };
  }

  /** Names this instance in the schedule: host, process and a random suffix. */
  private static String owner() {
    String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    return runtime + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() {
    runner.stop(Duration.ofSeconds(10));
  }
}
