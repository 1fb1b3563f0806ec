package ar.booking.app.ical;

import ar.booking.app.health.HealthCheck;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.FeedHealth;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.SyncCalendar;
import ar.booking.core.scheduling.ScheduledJob;
import ar.booking.core.shared.AccommodationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sync_ical_feeds} job and what it keeps current after each pass: {@code
 * ical_sync_total{source,outcome}} (also counted for the owner's "sync now"), {@code
 * ical_events_imported{source}} and {@code ical_last_sync_age_minutes{accommodation}}, and the
 * snapshot the {@code ical} health check reads. Nothing here reads storage on a scrape or a health
 * call: the values are those of this instance's last pass (the job runs on one instance per
 * interval; the {@code jobs} check says when it stopped running anywhere).
 */
public final class IcalSync {

  private static final Logger log = LoggerFactory.getLogger(IcalSync.class);

  private final SyncCalendar sync;
  private final CalendarFeeds feeds;
  private final Clock clock;
  private final Duration interval;
  private final Duration maxAge;
  private final MeterRegistry registry;
  private final Map<FeedSource, AtomicLong> imported = new EnumMap<>(FeedSource.class);
  private final Map<AccommodationId, AtomicLong> ageSeconds = new HashMap<>();
  private final Map<AccommodationId, Gauge> ageGauges = new HashMap<>();
  private volatile Snapshot snapshot;

  /** What the last pass saw: when it ended and, per unit with feeds, its stalest feed's age. */
  record Snapshot(Instant at, Map<AccommodationId, Duration> ages) {}

  /**
   * @param interval {@code JOB_ICAL_INTERVAL_SECONDS}
   * @param maxAge {@code ICAL_SYNC_MAX_AGE_MINUTES}: health is degraded beyond it
   */
  public IcalSync(
      SyncCalendar sync,
      CalendarFeeds feeds,
      Clock clock,
      Duration interval,
      Duration maxAge,
      MeterRegistry registry) {
    this.sync = Objects.requireNonNull(sync, "sync");
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.registry = Objects.requireNonNull(registry, "registry");
    for (FeedSource source : FeedSource.values()) {
      AtomicLong count = new AtomicLong();
      imported.put(source, count);
      Gauge.builder("ical.events.imported", count, AtomicLong::get)
          .description("Future events of the imported feeds, as of the last sync pass")
          .tag("source", source.label())
          .strongReference(true)
          .register(registry);
      for (String outcome : OUTCOMES) {
        counter(source, outcome);
      }
    }
  }

  private static final List<String> OUTCOMES =
      List.of("applied", "not_modified", "failed", "suspicious", "removed", "crashed");

  /**
   * The periodic job: {@link SyncCalendar#syncAll()}, then the metrics and the snapshot. A pass in
   * which some feed crashed fails (after every other feed was synced), so the runner reports it.
   */
  public ScheduledJob job() {
    ScheduledJob core = sync.job(interval);
    return new ScheduledJob(core.name(), core.interval(), core.lease(), this::pass);
  }

  /** One pass of the job. */
  void pass() {
    List<SyncCalendar.FeedSynced> results = sync.syncAll();
    results.forEach(this::count);
    refresh();
    List<SyncCalendar.FeedSynced> crashed =
        results.stream().filter(s -> s.outcome() instanceof SyncCalendar.Crashed).toList();
    if (!crashed.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException(
              crashed.size()
                  + " feed(s) crashed: "
                  + crashed.stream().map(s -> s.feed().toString()).toList());
      crashed.forEach(s -> failure.addSuppressed(((SyncCalendar.Crashed) s.outcome()).failure()));
      throw failure;
    }
  }

  /** Counts one feed's sync in {@code ical_sync_total}. */
  public void count(SyncCalendar.FeedSynced synced) {
    FeedSource source = synced.synced().map(CalendarFeed::source).orElse(null);
    if (source == null) {
      source = feeds.find(synced.feed()).map(CalendarFeed::source).orElse(FeedSource.ICAL_OTHER);
    }
    counter(source, outcome(synced.outcome())).increment();
    if (synced.outcome() instanceof SyncCalendar.Failed failed) {
      log.warn("Calendar feed {} ({}) failed: {}", synced.feed(), source.label(), failed.reason());
    } else if (synced.outcome() instanceof SyncCalendar.Suspicious suspicious) {
      log.warn(
          "Calendar feed {} ({}) is suspicious, nothing changed: {}",
          synced.feed(),
          source.label(),
          suspicious.reason());
    } else if (synced.outcome() instanceof SyncCalendar.Crashed crashed) {
      log.error("Calendar feed {} crashed", synced.feed(), crashed.failure());
    }
  }

  private static String outcome(SyncCalendar.Outcome outcome) {
    return switch (outcome) {
      case SyncCalendar.Applied a -> "applied";
      case SyncCalendar.NotModified n -> "not_modified";
      case SyncCalendar.Failed f -> "failed";
      case SyncCalendar.Suspicious s -> "suspicious";
      case SyncCalendar.UnknownFeed u -> "removed";
      case SyncCalendar.Crashed c -> "crashed";
    };
  }

  private Counter counter(FeedSource source, String outcome) {
    return Counter.builder("ical.sync")
        .description("Calendar feed syncs by source and outcome")
        .tag("source", source.label())
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Reads every feed once and keeps the gauges and the health snapshot current. */
  synchronized void refresh() {
    Instant now = clock.instant();
    List<CalendarFeed> all = feeds.all();
    Map<FeedSource, Long> events = new EnumMap<>(FeedSource.class);
    for (CalendarFeed feed : all) {
      events.merge(feed.source(), (long) feed.sync().eventCount(), Long::sum);
    }
    imported.forEach((source, gauge) -> gauge.set(events.getOrDefault(source, 0L)));

    Map<AccommodationId, Duration> ages = FeedHealth.lastSyncAge(all, now);
    for (var entry : ages.entrySet()) {
      ageSeconds
          .computeIfAbsent(
              entry.getKey(),
              unit -> {
                AtomicLong seconds = new AtomicLong();
                ageGauges.put(
                    unit,
                    Gauge.builder("ical.last.sync.age.minutes", seconds, s -> s.get() / 60.0)
                        .description(
                            "Age of the unit's stalest feed's last successful sync, as of the"
                                + " last sync pass")
                        .tag("accommodation", Long.toString(unit.value()))
                        .strongReference(true)
                        .register(registry));
                return seconds;
              })
          .set(entry.getValue().toSeconds());
    }
    for (AccommodationId gone : new ArrayList<>(ageSeconds.keySet())) {
      if (!ages.containsKey(gone)) {
        ageSeconds.remove(gone);
        registry.remove(ageGauges.remove(gone));
      }
    }
    snapshot = new Snapshot(now, Map.copyOf(ages));
  }

  /**
   * The {@code ical} check: degraded when, at the last pass, some unit's stalest feed had not
   * synced within {@code ICAL_SYNC_MAX_AGE_MINUTES}. Reads only the snapshot.
   */
  public HealthCheck health() {
    return () -> {
      Snapshot s = snapshot;
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("max_age_minutes", maxAge.toMinutes());
      if (s == null) {
        details.put("last_pass", "none on this instance yet");
        return HealthCheck.Result.up(details);
      }
      details.put("last_pass", s.at().toString());
      details.put("units", s.ages().size());
      List<Long> stale =
          s.ages().entrySet().stream()
              .filter(e -> e.getValue().compareTo(maxAge) > 0)
              .map(e -> e.getKey().value())
              .sorted()
              .toList();
      s.ages().values().stream()
          .max(Duration::compareTo)
          .ifPresent(oldest -> details.put("oldest_minutes", oldest.toMinutes()));
      if (stale.isEmpty()) {
        return HealthCheck.Result.up(details);
      }
      details.put("stale_accommodations", stale);
      return HealthCheck.Result.down(details);
    };
  }
}
