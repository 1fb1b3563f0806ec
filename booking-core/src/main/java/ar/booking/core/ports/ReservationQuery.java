package ar.booking.core.ports;

import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Filters for listing reservations; every filter is optional.
 *
 * @param from with {@code to}: only stays with a night in {@code [from, to)}
 * @param text case-insensitive match on code, guest name, phone, WhatsApp id, e-mail or note
 */
public record ReservationQuery(
    Optional<ReservationStatus> status,
    Optional<AccommodationId> accommodationId,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Optional<String> text,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 500;

  public ReservationQuery {
    status = status == null ? Optional.empty() : status;
    accommodationId = accommodationId == null ? Optional.empty() : accommodationId;
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    text = text == null ? Optional.empty() : text.map(String::strip).filter(t -> !t.isEmpty());
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw new IllegalArgumentException("'to' must be after 'from'");
    }
  }

  public static ReservationQuery all() {
    return new ReservationQuery(null, null, null, null, null, 0, 100);
  }

  public ReservationQuery withStatus(ReservationStatus value) {
    return new ReservationQuery(Optional.of(value), accommodationId, from, to, text, offset, limit);
  }

  public ReservationQuery withAccommodation(AccommodationId value) {
    return new ReservationQuery(status, Optional.of(value), from, to, text, offset, limit);
  }

  public ReservationQuery between(LocalDate newFrom, LocalDate newTo) {
    return new ReservationQuery(
        status, accommodationId, Optional.of(newFrom), Optional.of(newTo), text, offset, limit);
  }

  public ReservationQuery withText(String value) {
    return new ReservationQuery(
        status, accommodationId, from, to, Optional.ofNullable(value), offset, limit);
  }

  public ReservationQuery page(int newOffset, int newLimit) {
    return new ReservationQuery(status, accommodationId, from, to, text, newOffset, newLimit);
  }
}
