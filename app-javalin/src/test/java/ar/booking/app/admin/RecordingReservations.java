package ar.booking.app.admin;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Reservations} that remembers who wrote what, as "CODE STATUS actor". */
final class RecordingReservations implements Reservations {

  private final Reservations delegate;
  final List<String> writes = new CopyOnWriteArrayList<>();

  RecordingReservations(Reservations delegate) {
    this.delegate = delegate;
  }

  @Override
  public InsertOutcome insert(Reservation reservation, String actor) {
    InsertOutcome outcome = delegate.insert(reservation, actor);
    if (outcome instanceof Inserted) {
      writes.add(reservation.code() + " " + reservation.status() + " " + actor);
    }
    return outcome;
  }

  @Override
  public UpdateOutcome update(Reservation updated, String actor) {
    UpdateOutcome outcome = delegate.update(updated, actor);
    if (outcome instanceof Updated) {
      writes.add(updated.code() + " " + updated.status() + " " + actor);
    }
    return outcome;
  }

  @Override
  public Optional<Reservation> find(ReservationCode code) {
    return delegate.find(code);
  }

  @Override
  public List<BusyPeriod> overlapping(AccommodationId unit, StayPeriod period) {
    return delegate.overlapping(unit, period);
  }

  @Override
  public List<BusyPeriod> busyBetween(
      Optional<AccommodationId> unit, LocalDate from, LocalDate to) {
    return delegate.busyBetween(unit, from, to);
  }

  @Override
  public List<Reservation> expiredHolds(Instant now, int limit) {
    return delegate.expiredHolds(now, limit);
  }

  @Override
  public Optional<Reservation> findImported(AccommodationId unit, String externalUid) {
    return delegate.findImported(unit, externalUid);
  }

  @Override
  public Page search(ReservationQuery query) {
    return delegate.search(query);
  }
}
