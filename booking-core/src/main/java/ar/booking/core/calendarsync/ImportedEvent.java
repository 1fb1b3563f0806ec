package ar.booking.core.calendarsync;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What we hold of one event of a feed, keyed by (feed, UID).
 *
 * @param reservation the imported stay holding its nights; {@code null} while it cannot be stored
 *     because other occupancy holds them (a conflict with one of ours, or another feed's stay)
 * @param misses consecutive successful fetches the event was absent from
 * @param changedAt when what we hold of it last changed (not written when a fetch repeats it)
 */
public record ImportedEvent(
    String uid,
    StayPeriod period,
    String summary,
    ReservationCode reservation,
    int misses,
    Instant firstSeenAt,
    Instant changedAt) {

  public ImportedEvent {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    Objects.requireNonNull(changedAt, "changedAt");
    if (uid == null || uid.isBlank()) {
      throw new IllegalArgumentException("an imported event needs a UID");
    }
    summary = summary == null ? "" : summary;
    if (misses < 0) {
      throw new IllegalArgumentException("misses are never negative");
    }
  }

  /** A newly seen event, with the stay that now holds its nights (or none). */
  public static ImportedEvent seen(FeedEvent event, ReservationCode reservation, Instant now) {
    return new ImportedEvent(
        event.uid(), event.period(), event.summary(), reservation, 0, now, now);
  }

  public Optional<ReservationCode> stay() {
    return Optional.ofNullable(reservation);
  }

  /** Seen again as {@code event} (possibly under a new UID or dates), held by {@code stay}. */
  public ImportedEvent seenAgain(FeedEvent event, ReservationCode stay, Instant now) {
    return new ImportedEvent(
        event.uid(), event.period(), event.summary(), stay, 0, firstSeenAt, now);
  }

  /** Absent from one more successful fetch. */
  public ImportedEvent missed() {
    return new ImportedEvent(uid, period, summary, reservation, misses + 1, firstSeenAt, changedAt);
  }
}
