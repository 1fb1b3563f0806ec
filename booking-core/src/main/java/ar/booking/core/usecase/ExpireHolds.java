package ar.booking.core.usecase;

import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Frees the nights of unpaid holds whose time is up. Each hold expires in its own unit of work with
 * a compare-and-set on its status, so a confirmation racing with expiry wins or loses cleanly: a
 * hold ends expired or confirmed, never both.
 */
public final class ExpireHolds {

  private static final int BATCH = 200;

  private final Reservations reservations;
  private final Transactions transactions;
  private final BookingEvents events;
  private final Clock clock;

  ExpireHolds(
      Reservations reservations, Transactions transactions, BookingEvents events, Clock clock) {
    this.reservations = reservations;
    this.transactions = transactions;
    this.events = events;
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
        Reservations.UpdateOutcome outcome =
            transactions.inTransaction(
                () ->
                    reservations.update(
                        hold.transitionTo(ReservationStatus.EXPIRED, now),
                        ReservationStatus.PRE_RESERVED,
                        "system:expiry"));
        if (outcome instanceof Reservations.Updated updated) {
          expired.add(hold.code());
          events.expired(updated.reservation());
        }
      }
      if (expired.size() == before) {
        break; // every due hold was taken by someone else: do not spin
      }
    } while (due.size() == BATCH);
    return new Expired(expired);
  }
}
