package ar.booking.app.admin;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.ReservationStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * Taken nights as the calendar and the 409 {@code conflicts} show them. {@code kind} is what holds
 * the nights: {@code hold} (a guest's unpaid pre-reservation), {@code confirmed}, {@code
 * completed}, {@code block} (the owner's) or {@code imported} (sold on another platform); {@code
 * source} is the channel it came from.
 */
record BusyView(
    String code,
    long accommodationId,
    LocalDate checkIn,
    LocalDate checkOut,
    int nights,
    String kind,
    String status,
    String source) {

  static BusyView of(BusyPeriod busy) {
    return new BusyView(
        busy.code().value(),
        busy.accommodationId().value(),
        busy.period().checkIn(),
        busy.period().checkOut(),
        busy.period().nights(),
        kind(busy.kind(), busy.status()),
        Codes.of(busy.status()),
        Codes.of(busy.source()));
  }

  static List<BusyView> of(List<BusyPeriod> periods) {
    return periods.stream().map(BusyView::of).toList();
  }

  static String kind(OccupancyKind kind, ReservationStatus status) {
    return switch (kind) {
      case OWNER_BLOCK -> "block";
      case IMPORTED_STAY -> "imported";
      case GUEST_BOOKING ->
          switch (status) {
            case PRE_RESERVED -> "hold";
            case COMPLETED -> "completed";
            default -> "confirmed";
          };
    };
  }
}
