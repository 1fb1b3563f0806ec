package ar.booking.core.usecase;

import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Frees the nights of unpaid holds whose time is up. Each hold expires in its own unit of work,
 * decided on a fresh read and written with a compare-and-set on its version, so a payment or a
 * confirmation racing with expiry is never undone: the hold ends expired or confirmed, never both,
 * and a payment recorded meanwhile stays recorded.
 */
public final class ExpireHolds {

  private static final int BATCH = 200;
  private static final int ATTEMPTS = 3;

  private final Reservations reservations;
  private final Transactions transactions;
  private final Clock clock;

  ExpireHolds(Reservations reservations, Transactions transactions, Clock clock) {
    this.reservations = reservations;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The holds this run expired. */
  public record Expired(List<ReservationCode> codes) {
    public Expired {
      codes = List.copyOf(codes);
    }
  }

  public Expired execute() {
    Instant now = clock.instant();
    List<ReservationCode> expired = new ArrayList<>();
    List<Reservation> due;
    do {
      due = reservations.expiredHolds(now, BATCH);
      int before = expired.size();
      for (Reservation hold : due) {
        if (transactions.inTransaction(() -> expire(hold.code(), now))) {
          expired.add(hold.code());
        }
      }
      if (expired.size() == before) {
        break; // every due hold was taken by someone else: do not spin
      }
    } while (due.size() == BATCH);
    return new Expired(expired);
  }

  private boolean expire(ReservationCode code, Instant now) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Reservation> current = reservations.find(code);
      if (current.isEmpty() || !current.get().isExpiredHold(now)) {
        return false; // paid, cancelled or extended meanwhile
      }
      switch (reservations.update(
          current.get().transitionTo(ReservationStatus.EXPIRED, now), "system:expiry")) {
        case Reservations.Updated updated -> {
          return true;
        }
        case Reservations.NotFound notFound -> {
          return false;
        }
        case Reservations.Stale stale -> {
          // changed between our read and our write: read again
        }
        case Reservations.Overlap overlap ->
            throw new IllegalStateException("expiring frees nights; it cannot overlap");
      }
    }
    return false;
  }
}
