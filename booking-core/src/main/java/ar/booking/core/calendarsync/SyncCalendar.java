package ar.booking.core.calendarsync;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.event.EventLog;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.scheduling.ScheduledJob;
import ar.booking.core.shared.AccommodationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports the calendar feeds of other platforms: fetches a feed (outside any transaction), parses
 * it, and — under the unit lock, in one unit of work with the feed locked — applies the {@link
 * FeedDiff} to our occupancy, unless the {@link FeedSafety} rule finds the fetch suspicious. A stay
 * that clashes with one of ours is not refused: it becomes a {@link FeedConflict} and an owner
 * alert. Failures change nothing and raise a feed-health alert at the start of a failure streak.
 * Thread-safe.
 */
public final class SyncCalendar {

  private final CalendarFeeds feeds;
  private final Accommodations accommodations;
  private final Transactions transactions;
  private final BookingLocks locks;
  private final EventLog events;
  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final ImportedStays stays;
  private final Clock clock;
  private final SyncSettings settings;

  public SyncCalendar(
      CalendarFeeds feeds,
      Accommodations accommodations,
      ar.booking.core.ports.Reservations reservations,
      Transactions transactions,
      BookingLocks locks,
      EventLog events,
      FeedFetcher fetcher,
      FeedParser parser,
      Clock clock,
      SyncSettings settings) {
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.locks = Objects.requireNonNull(locks, "locks");
    this.events = Objects.requireNonNull(events, "events");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.stays = new ImportedStays(feeds, reservations, events, settings.actor());
  }

  /**
   * Sync one feed.
   *
   * @param acceptShrink apply the fetch even when it is empty or shrank by more than half (the
   *     owner confirmed the cancellations)
   */
  public record Command(FeedId feed, boolean acceptShrink) {
    public Command {
      Objects.requireNonNull(feed, "feed");
    }
  }

  /** What a sync of one feed did. */
  public record FeedSynced(FeedId feed, Optional<CalendarFeed> synced, Outcome outcome) {}

  /** How it ended. */
  public sealed interface Outcome
      permits Applied, NotModified, Failed, Suspicious, UnknownFeed, Crashed {}

  /** The fetch was applied (a 304 applies what the last body implies). */
  public record Applied(Changes changes) implements Outcome {}

  /** The server said nothing changed; misses and releases still counted (see {@link FeedDiff}). */
  public record NotModified(Changes changes) implements Outcome {}

  /** The fetch or parse failed; nothing changed. */
  public record Failed(String reason) implements Outcome {}

  /** The fetch was empty or shrank by more than half; nothing changed. */
  public record Suspicious(String reason) implements Outcome {}

  public record UnknownFeed(FeedId feed) implements Outcome {}

  /**
   * A bug or a storage failure while syncing this feed (its unit of work rolled back); the other
   * feeds went on.
   */
  public record Crashed(RuntimeException failure) implements Outcome {}

  /** The name of the periodic job on the runner. */
  public static final String JOB_NAME = "sync_ical_feeds";

  /**
   * Counts of what a sync changed.
   *
   * @param conflicts new conflicts with our occupancy (each alerted once)
   * @param waiting events some of whose nights others hold (their free nights held in part)
   * @param unreadable events of the feed skipped for lack of a UID or usable dates
   */
  public record Changes(
      int added,
      int moved,
      int unchanged,
      int missed,
      int released,
      int conflicts,
      int waiting,
      int ignoredPast,
      int duplicates,
      int unreadable) {
    public static final Changes NONE = new Changes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Changes withUnreadable(int skipped) {
      return new Changes(
          added,
          moved,
          unchanged,
          missed,
          released,
          conflicts,
          waiting,
          ignoredPast,
          duplicates,
          skipped);
    }
  }

  /** Syncs one feed on the scheduler's behalf. */
  public FeedSynced syncFeed(FeedId feed) {
    return execute(new Command(feed, false));
  }

  /** Syncs every feed of {@code unit}, one after the other; one crashing never stops the others. */
  public List<FeedSynced> syncUnit(AccommodationId unit) {
    return syncEach(feeds.ofUnit(unit));
  }

  /** Syncs every feed of every unit; one crashing never stops the others. */
  public List<FeedSynced> syncAll() {
    return syncEach(feeds.all());
  }

  /**
   * The periodic job ({@code JOB_ICAL_INTERVAL_SECONDS}) for the {@link
   * ar.booking.core.scheduling.JobRunner}: {@link #syncAll()}, once per interval across instances.
   * A run in which some feed crashed fails (after every other feed was synced), so the runner
   * reports it. Its lease is at least 15 minutes: a run fetches every feed, each bounded by the
   * fetcher's own timeouts.
   */
  public ScheduledJob job(Duration interval) {
    Duration lease =
        interval.compareTo(Duration.ofMinutes(15)) > 0 ? interval : Duration.ofMinutes(15);
    return new ScheduledJob(
        JOB_NAME,
        interval,
        lease,
        () -> {
          List<FeedSynced> crashed =
              syncAll().stream().filter(s -> s.outcome() instanceof Crashed).toList();
          if (!crashed.isEmpty()) {
            IllegalStateException failure =
                new IllegalStateException(
                    crashed.size()
                        + " feed(s) crashed: "
                        + crashed.stream().map(s -> s.feed().toString()).toList());
            crashed.forEach(s -> failure.addSuppressed(((Crashed) s.outcome()).failure()));
            throw failure;
          }
        });
  }

  private List<FeedSynced> syncEach(List<CalendarFeed> toSync) {
    List<FeedSynced> done = new ArrayList<>();
    for (CalendarFeed feed : toSync) {
      try {
        done.add(syncFeed(feed.id()));
      } catch (RuntimeException failure) {
        done.add(new FeedSynced(feed.id(), Optional.of(feed), new Crashed(failure)));
      }
    }
    return done;
  }

  /**
   * Syncs the feeds of {@code unit} whose last success is older than {@code maxAge} (or never
   * happened) — called before a hold is placed ({@code ICAL_REFRESH_BEFORE_HOLD_MINUTES}); the
   * fetcher's own timeouts bound how long it takes.
   */
  public List<FeedSynced> refreshIfStale(AccommodationId unit, Duration maxAge) {
    Instant now = clock.instant();
    List<CalendarFeed> stale = new ArrayList<>();
    for (CalendarFeed feed : feeds.ofUnit(unit)) {
      boolean fresh = feed.sync().age(now).map(age -> age.compareTo(maxAge) <= 0).orElse(false);
      if (!fresh) {
        stale.add(feed);
      }
    }
    return syncEach(stale);
  }

  public FeedSynced execute(Command command) {
    Optional<CalendarFeed> found = feeds.find(command.feed());
    Optional<Accommodation> unit = found.flatMap(f -> accommodations.find(f.unit()));
    if (found.isEmpty() || unit.isEmpty()) {
      return new FeedSynced(command.feed(), Optional.empty(), new UnknownFeed(command.feed()));
    }
    CalendarFeed feed = found.get();
    FeedFetcher.FetchOutcome fetched =
        fetcher.fetch(
            feed.url(),
            Optional.ofNullable(feed.sync().etag()),
            Optional.ofNullable(feed.sync().lastModified()));
    return switch (fetched) {
      case FeedFetcher.Failed failed -> fail(feed, SyncStatus.FAILED, failed.reason());
      case FeedFetcher.NotModified notModified -> apply(feed, unit.get(), null, null, command);
      case FeedFetcher.Fetched body ->
          switch (parser.parse(body.body(), unit.get().zone())) {
            case FeedParser.Unreadable unreadable ->
                fail(feed, SyncStatus.FAILED, "unreadable calendar: " + unreadable.reason());
            case FeedParser.Parsed parsed -> apply(feed, unit.get(), parsed, body, command);
          };
    };
  }

  private FeedSynced fail(CalendarFeed feed, SyncStatus status, String reason) {
    Instant now = clock.instant();
    Optional<CalendarFeed> after =
        transactions.inTransaction(
            () ->
                feeds
                    .lock(feed.id())
                    .map(
                        locked -> {
                          FeedSyncState state = locked.sync().failed(status, now, reason);
                          feeds.recordSync(locked.id(), state);
                          if (locked.sync().consecutiveFailures() == 0) {
                            events.append(CalendarSyncEvents.feedFailed(locked, state, now));
                          }
                          return locked.withSync(state);
                        }));
    Outcome outcome = status == SyncStatus.SUSPICIOUS ? new Suspicious(reason) : new Failed(reason);
    return new FeedSynced(feed.id(), after, after.isEmpty() ? new UnknownFeed(feed.id()) : outcome);
  }

  private FeedSynced apply(
      CalendarFeed feed,
      Accommodation unit,
      FeedParser.Parsed parsed,
      FeedFetcher.Fetched body,
      Command command) {
    Instant now = clock.instant();
    LocalDate today = unit.today(now);
    Optional<BookingLocks.Lease> lease = locks.tryAcquire(feed.unit(), settings.lockWait());
    try {
      return transactions.inTransaction(
          () -> {
            Optional<CalendarFeed> locked = feeds.lock(feed.id());
            if (locked.isEmpty()) {
              return new FeedSynced(feed.id(), Optional.empty(), new UnknownFeed(feed.id()));
            }
            CalendarFeed current = locked.get();
            List<ImportedEvent> held = feeds.imported(current.id());
            FeedDiff.Plan plan =
                parsed == null
                    ? FeedDiff.notModified(held, today, settings.releaseAfterMisses())
                    : FeedDiff.plan(parsed.events(), held, today, settings.releaseAfterMisses());
            if (parsed != null && !command.acceptShrink()) {
              int stillHeld =
                  (int) held.stream().filter(h -> h.period().checkOut().isAfter(today)).count();
              if (FeedSafety.judge(stillHeld, plan.present())
                  instanceof FeedSafety.Suspicious suspicious) {
                return suspicious(current, suspicious.reason(), now);
              }
            }
            Changes changes =
                stays
                    .apply(current, plan, today, now)
                    .withUnreadable(parsed == null ? 0 : parsed.skipped());
            FeedSyncState state =
                parsed == null
                    ? current
                        .sync()
                        .succeeded(
                            SyncStatus.NOT_MODIFIED,
                            now,
                            current.sync().etag(),
                            current.sync().lastModified(),
                            plan.present())
                    : current
                        .sync()
                        .succeeded(
                            SyncStatus.OK, now, body.etag(), body.lastModified(), plan.present());
            feeds.recordSync(current.id(), state);
            Outcome outcome = parsed == null ? new NotModified(changes) : new Applied(changes);
            return new FeedSynced(current.id(), Optional.of(current.withSync(state)), outcome);
          });
    } finally {
      lease.ifPresent(BookingLocks.Lease::close);
    }
  }

  private FeedSynced suspicious(CalendarFeed feed, String reason, Instant now) {
    FeedSyncState state = feed.sync().failed(SyncStatus.SUSPICIOUS, now, reason);
    feeds.recordSync(feed.id(), state);
    if (feed.sync().consecutiveFailures() == 0) {
      events.append(CalendarSyncEvents.feedFailed(feed, state, now));
    }
    return new FeedSynced(feed.id(), Optional.of(feed.withSync(state)), new Suspicious(reason));
  }

  /** Our occupancy among {@code conflicts}: anything that is not another feed's stay. */
  static List<ReservationCode> ours(List<BusyPeriod> conflicts) {
    return conflicts.stream()
        .filter(b -> b.kind() != OccupancyKind.IMPORTED_STAY)
        .map(BusyPeriod::code)
        .toList();
  }
}
