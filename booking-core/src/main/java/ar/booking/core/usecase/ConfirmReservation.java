package ar.booking.core.usecase;

import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner confirms a hold by hand. Idempotent: a second confirmation answers {@link
 * AlreadyConfirmed}. An expired hold is confirmed when its nights are still free; when they were
 * sold meanwhile the answer is {@link Unavailable}. Money is not recorded here: payments are
 * records of their own ({@link ar.booking.core.payment.RecordPayment}), which also confirm.
 */
public final class ConfirmReservation {

  private static final int ATTEMPTS = 5;

  private final Reservations reservations;
  private final Transactions transactions;
  private final Clock clock;

  ConfirmReservation(Reservations reservations, Transactions transactions, Clock clock) {
    this.reservations = reservations;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @param actor who confirms, for the audit trail ("admin:owner@x")
   */
  public record Command(ReservationCode code, String actor) {
    public Command {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What came of it. */
  public sealed interface Result
      permits Confirmed, AlreadyConfirmed, NotFound, NotConfirmable, Unavailable {}

  public record Confirmed(Reservation reservation) implements Result {}

  public record AlreadyConfirmed(Reservation reservation) implements Result {}

  public record NotFound(ReservationCode code) implements Result {}

  /** Cancelled, completed, or not a guest booking. */
  public record NotConfirmable(ReservationStatus status) implements Result {}

  public Result execute(Command command) {
    return transactions.inTransaction(() -> confirm(command));
  }

  private Result confirm(Command command) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Reservation> found = reservations.find(command.code());
      if (found.isEmpty()) {
        return new NotFound(command.code());
      }
      Reservation current = found.get();
      if (current.status() == ReservationStatus.CONFIRMED) {
        return new AlreadyConfirmed(current);
      }
      if (current.kind() != OccupancyKind.GUEST_BOOKING
          || !current.status().canBecome(ReservationStatus.CONFIRMED)) {
        return new NotConfirmable(current.status());
      }
      switch (reservations.update(current.confirm(clock.instant()), command.actor())) {
        case Reservations.Updated updated -> {
          return new Confirmed(updated.reservation());
        }
        case Reservations.Overlap overlap -> {
          return new Unavailable(overlap.conflicts());
        }
        case Reservations.NotFound notFound -> {
          return new NotFound(command.code());
        }
        case Reservations.Stale stale -> {
          // expired, paid or cancelled a moment ago: decide again on what is stored
        }
      }
    }
    throw new IllegalStateException("reservation " + command.code() + " kept changing");
  }
}
