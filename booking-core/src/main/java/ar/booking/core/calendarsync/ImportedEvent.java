package ar.booking.core.calendarsync;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What we hold of one event of a feed, keyed by (feed, UID).
 *
 * @param reservation the imported stay holding all its nights; {@code null} while some of them are
 *     held by other occupancy (a conflict with one of ours, or another feed's stay)
 * @param partials while {@code reservation} is null: the imported stays holding the event's nights
 *     nobody else holds, one per free stretch, so they are not sold here meanwhile
 * @param misses consecutive successful fetches the event was absent from
 * @param changedAt when what we hold of it last changed (not written when a fetch repeats it)
 */
public record ImportedEvent(
    String uid,
    StayPeriod period,
    String summary,
    ReservationCode reservation,
    List<ReservationCode> partials,
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
    partials = partials == null ? List.of() : List.copyOf(partials);
    if (reservation != null && !partials.isEmpty()) {
      throw new IllegalArgumentException("an event held whole has no partial stays");
    }
    if (misses < 0) {
      throw new IllegalArgumentException("misses are never negative");
    }
  }

  /** An event held whole by {@code reservation} (or not at all), without partial stays. */
  public ImportedEvent(
      String uid,
      StayPeriod period,
      String summary,
      ReservationCode reservation,
      int misses,
      Instant firstSeenAt,
      Instant changedAt) {
    this(uid, period, summary, reservation, List.of(), misses, firstSeenAt, changedAt);
  }

  /** A newly seen event, with the stay that now holds its nights (or none). */
  public static ImportedEvent seen(FeedEvent event, ReservationCode reservation, Instant now) {
    return seen(event, reservation, List.of(), now);
  }

  /** A newly seen event, held whole, or in part by {@code partials}. */
  public static ImportedEvent seen(
      FeedEvent event, ReservationCode reservation, List<ReservationCode> partials, Instant now) {
    return new ImportedEvent(
        event.uid(), event.period(), event.summary(), reservation, partials, 0, now, now);
  }

  public Optional<ReservationCode> stay() {
    return Optional.ofNullable(reservation);
  }

  /** Every stay holding nights of this event: the whole one or the partial ones. */
  public List<ReservationCode> stays() {
    return reservation == null ? partials : List.of(reservation);
  }

  /** Seen again as {@code event} (possibly under a new UID or dates), held as given. */
  public ImportedEvent seenAgain(
      FeedEvent event, ReservationCode stay, List<ReservationCode> partStays, Instant now) {
    return new ImportedEvent(
        event.uid(), event.period(), event.summary(), stay, partStays, 0, firstSeenAt, now);
  }

  /** Absent from one more successful fetch. */
  public ImportedEvent missed() {
    return new ImportedEvent(
        uid, period, summary, reservation, partials, misses + 1, firstSeenAt, changedAt);
  }
}
