package ar.booking.core.notification;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Moves confirmed stays to {@code COMPLETED} once their check-out time has passed at the unit's
 * local time. Each write is a compare-and-set on the version, so two instances (or a racing owner
 * edit) complete a stay once, and the {@code COMPLETED} event exists once.
 */
public final class CompleteStays {

  /** How far back a run looks for stays left unfinished (e.g. while the app was down). */
  static final int LOOKBACK_DAYS = 400;

  private final Reservations reservations;
  private final Accommodations accommodations;
  private final Transactions transactions;
  private final Clock clock;

  public CompleteStays(
      Reservations reservations,
      Accommodations accommodations,
      Transactions transactions,
      Clock clock) {
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public int execute() {
    Instant now = clock.instant();
    int completed = 0;
    for (Accommodation unit : accommodations.findAll()) {
      LocalDateTime local = LocalDateTime.ofInstant(now, unit.zone());
      LocalDate today = local.toLocalDate();
      var query =
          ReservationQuery.all()
              .withStatus(ReservationStatus.CONFIRMED)
              .withAccommodation(unit.id())
              .between(today.minusDays(LOOKBACK_DAYS), today)
              .page(0, ReservationQuery.MAX_LIMIT);
      for (Reservation r : reservations.search(query).items()) {
        LocalDateTime leaves = r.period().checkOut().atTime(unit.checkOutTime());
        if (!local.isBefore(leaves) && complete(r, now)) {
          completed++;
        }
      }
    }
    return completed;
  }

  private boolean complete(Reservation r, Instant now) {
    return transactions.inTransaction(
        () ->
            switch (reservations.update(
                r.transitionTo(ReservationStatus.COMPLETED, now), "system:timeline")) {
              case Reservations.Updated updated -> true;
              case Reservations.Stale stale -> false; // someone else got there first
              case Reservations.NotFound notFound -> false;
              case Reservations.Overlap overlap -> false;
            });
  }
}
