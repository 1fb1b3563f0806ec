package ar.booking.core.calendar;

import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.util.Objects;

/**
 * Nights of a unit that are taken, with what takes them — safe to show an owner or another
 * platform: no guest names or contacts.
 */
public record BusyPeriod(
    ReservationCode code,
    AccommodationId accommodationId,
    StayPeriod period,
    OccupancyKind kind,
    ReservationStatus status,
    Channel source) {

  public BusyPeriod {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(accommodationId, "accommodationId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
  }

  public static BusyPeriod of(Reservation reservation) {
    return new BusyPeriod(
        reservation.code(),
        reservation.accommodationId(),
        reservation.period(),
        reservation.kind(),
        reservation.status(),
        reservation.channel());
  }
}
