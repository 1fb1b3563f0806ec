package ar.booking.core.conversation.dialog;

import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A guest's own live holds and upcoming bookings, found by their WhatsApp id. */
final class GuestReservations {

  private static final int LIMIT = 50;

  private final Reservations reservations;

  GuestReservations(Reservations reservations) {
    this.reservations = reservations;
  }

  /** Live holds and bookings not yet over, soonest first. */
  List<Reservation> upcoming(String waId, Instant now, LocalDate today) {
    return mine(waId).stream()
        .filter(
            r ->
                (r.status() == ReservationStatus.PRE_RESERVED && !r.isExpiredHold(now))
                    || (r.status() == ReservationStatus.CONFIRMED
                        && r.period().checkOut().isAfter(today)))
        .sorted(Comparator.comparing((Reservation r) -> r.period().checkIn()))
        .toList();
  }

  List<Reservation> liveHolds(String waId, Instant now) {
    return mine(waId).stream()
        .filter(r -> r.status() == ReservationStatus.PRE_RESERVED && !r.isExpiredHold(now))
        .toList();
  }

  Optional<Reservation> find(ReservationCode code) {
    return reservations.find(code);
  }

  /** The reservation when it is this guest's. */
  Optional<Reservation> findOwn(String waId, String code) {
    return reservations
        .find(new ReservationCode(code))
        .filter(r -> waId.equals(r.contact().whatsappId()));
  }

  private List<Reservation> mine(String waId) {
    return reservations
        .search(ReservationQuery.all().withText(waId).page(0, LIMIT))
        .items()
        .stream()
        .filter(r -> waId.equals(r.contact().whatsappId()))
        .toList();
  }
}
