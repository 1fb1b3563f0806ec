package ar.booking.core.calendarsync;

import ar.booking.core.shared.AccommodationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How fresh the imported calendars are: a feed's status for the admin API, and per unit the age of
 * its stalest feed for {@code ical_last_sync_age_minutes} and the health check ({@code
 * ICAL_SYNC_MAX_AGE_MINUTES}).
 */
public final class FeedHealth {

  private FeedHealth() {}

  /** A feed's state as the owner sees it. */
  public enum Status {
    /** Synced within the allowed age. */
    OK,
    /** Not synced yet. */
    PENDING,
    /** The last success is older than the allowed age (the last attempts may have succeeded). */
    STALE,
    /** The last attempt failed. */
    FAILING,
    /** The last fetch was empty or shrank by more than half and waits for the owner. */
    SUSPICIOUS
  }

  public static Status status(CalendarFeed feed, Instant now, Duration maxAge) {
    FeedSyncState s = feed.sync();
    return switch (s.status()) {
      case NEVER -> Status.PENDING;
      case FAILED -> Status.FAILING;
      case SUSPICIOUS -> Status.SUSPICIOUS;
      case OK, NOT_MODIFIED ->
          s.age(now).map(age -> age.compareTo(maxAge) > 0).orElse(true) ? Status.STALE : Status.OK;
    };
  }

  /**
   * Per unit, how old the stalest feed's last success is; a feed that never succeeded counts from
   * when it was added.
   */
  public static Map<AccommodationId, Duration> lastSyncAge(
      Collection<CalendarFeed> feeds, Instant now) {
    Map<AccommodationId, Duration> ages = new LinkedHashMap<>();
    for (CalendarFeed feed : feeds) {
      Duration age = feed.sync().age(now).orElseGet(() -> Duration.between(feed.createdAt(), now));
      ages.merge(feed.unit(), age, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    return ages;
  }

  /** True when some unit's stalest feed is older than {@code maxAge}: health is degraded. */
  public static boolean degraded(Collection<CalendarFeed> feeds, Instant now, Duration maxAge) {
    return lastSyncAge(feeds, now).values().stream().anyMatch(age -> age.compareTo(maxAge) > 0);
  }

  /** The oldest age over every unit, if any feed exists. */
  public static Optional<Duration> oldest(Collection<CalendarFeed> feeds, Instant now) {
    return lastSyncAge(feeds, now).values().stream().max(Duration::compareTo);
  }
}
