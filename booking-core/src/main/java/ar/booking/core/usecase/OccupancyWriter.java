package ar.booking.core.usecase;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a new occupancy the one safe way: under the unit lock when it can be had, and letting the
 * store's atomic no-overlap rule decide — the conflicts are read only when it refuses, so the
 * common case is a single write.
 */
final class OccupancyWriter {

  private static final int CODE_ATTEMPTS = 5;

  private final Reservations reservations;
  private final BookingLocks locks;
  private final BookingEvents events;
  private final Duration lockWait;

  OccupancyWriter(
      Reservations reservations, BookingLocks locks, BookingEvents events, Duration lockWait) {
    this.reservations = reservations;
    this.locks = locks;
    this.events = events;
    this.lockWait = lockWait;
  }

  /** The stored occupancy, or the conflicts that prevented it. */
  sealed interface Outcome permits Written, Refused {}

  record Written(Reservation reservation) implements Outcome {}

  record Refused(List<BusyPeriod> conflicts) implements Outcome {}

  Outcome write(
      AccommodationId unit,
      StayPeriod period,
      Channel channel,
      Function<ReservationCode, Reservation> build,
      String actor) {
    Optional<BookingLocks.Lease> lease = locks.tryAcquire(unit, lockWait);
    if (lease.isEmpty()) {
      events.lockUnavailable();
    }
    try {
      // One write, atomic by itself (it joins the caller's unit of work when there is one).
      Outcome outcome = insert(build, actor);
      if (outcome instanceof Refused) {
        events.overlapRejected(channel);
      }
      return outcome;
    } finally {
      lease.ifPresent(BookingLocks.Lease::close);
    }
  }

  private Outcome insert(Function<ReservationCode, Reservation> build, String actor) {
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      Reservations.InsertOutcome result =
          reservations.insert(build.apply(ReservationCode.random()), actor);
      switch (result) {
        case Reservations.Inserted inserted -> {
          return new Written(inserted.reservation());
        }
        case Reservations.Overlap overlap -> {
          return new Refused(overlap.conflicts());
        }
        case Reservations.DuplicateCode duplicate -> {
          // 40 random bits: a clash is rare; draw again.
        }
      }
    }
    throw new IllegalStateException("could not draw a free reservation code");
  }
}
