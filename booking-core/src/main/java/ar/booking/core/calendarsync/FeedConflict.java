package ar.booking.core.calendarsync;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stay another platform sold on nights one of ours holds. It happened elsewhere, so it cannot be
 * refused: both sides are kept until the owner resolves it (cancels ours, or marks it resolved) or
 * a later sync finds it gone.
 *
 * @param id {@code 0} before it is stored
 * @param ours codes of our occupancies (bookings, holds, blocks) holding the nights
 * @param resolution how it ended; {@code null} while open
 */
public record FeedConflict(
    long id,
    FeedId feed,
    AccommodationId unit,
    FeedSource source,
    String uid,
    StayPeriod period,
    String summary,
    List<ReservationCode> ours,
    Instant detectedAt,
    Instant resolvedAt,
    String resolution) {

  public FeedConflict {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(detectedAt, "detectedAt");
    summary = summary == null ? "" : summary;
    ours = List.copyOf(ours);
    if (ours.isEmpty()) {
      throw new IllegalArgumentException("a conflict has our side");
    }
    if ((resolvedAt == null) != (resolution == null)) {
      throw new IllegalArgumentException("a resolved conflict says how");
    }
  }

  /** A new open conflict. */
  public static FeedConflict detected(
      CalendarFeed feed, FeedEvent event, List<ReservationCode> ours, Instant at) {
    return new FeedConflict(
        0,
        feed.id(),
        feed.unit(),
        feed.source(),
        event.uid(),
        event.period(),
        event.summary(),
        ours,
        at,
        null,
        null);
  }

  public boolean isOpen() {
    return resolvedAt == null;
  }

  public Optional<Instant> resolved() {
    return Optional.ofNullable(resolvedAt);
  }

  public FeedConflict withId(long storedId) {
    return new FeedConflict(
        storedId,
        feed,
        unit,
        source,
        uid,
        period,
        summary,
        ours,
        detectedAt,
        resolvedAt,
        resolution);
  }

  public FeedConflict resolve(String how, Instant at) {
    Objects.requireNonNull(how, "how");
    Objects.requireNonNull(at, "at");
    return new FeedConflict(
        id, feed, unit, source, uid, period, summary, ours, detectedAt, at, how);
  }
}
