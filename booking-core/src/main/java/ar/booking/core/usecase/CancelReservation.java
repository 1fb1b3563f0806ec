package ar.booking.core.usecase;

import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Cancels a hold, a confirmed booking or a block, freeing its nights. Idempotent: cancelling twice
 * answers {@link AlreadyCancelled}.
 */
public final class CancelReservation {

  private final Reservations reservations;
  private final Transactions transactions;
  private final Clock clock;

  CancelReservation(Reservations reservations, Transactions transactions, Clock clock) {
    this.reservations = reservations;
    this.transactions = transactions;
    this.clock = clock;
  }

  public record Command(ReservationCode code, String reason, String actor) {
    public Command {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Cancelled, AlreadyCancelled, NotFound, NotCancellable {}

  public record Cancelled(Reservation reservation) implements Result {}

  public record AlreadyCancelled(Reservation reservation) implements Result {}

  public record NotFound(ReservationCode code) implements Result {}

  /** Expired or completed stays are history; they cannot be cancelled. */
  public record NotCancellable(ReservationStatus status) implements Result {}

  public Result execute(Command command) {
    return transactions.inTransaction(() -> cancel(command));
  }

  private Result cancel(Command command) {
    Optional<Reservation> found = reservations.find(command.code());
    if (found.isEmpty()) {
      return new NotFound(command.code());
    }
    Reservation current = found.get();
    if (current.status() == ReservationStatus.CANCELLED) {
      return new AlreadyCancelled(current);
    }
    if (!current.status().canBecome(ReservationStatus.CANCELLED)) {
      return new NotCancellable(current.status());
    }
    return switch (reservations.update(
        current.cancel(command.reason(), clock.instant()), command.actor())) {
      case Reservations.Updated updated -> new Cancelled(updated.reservation());
      case Reservations.NotFound notFound -> new NotFound(command.code());
      case Reservations.Stale stale -> cancel(command); // changed meanwhile: decide again
      case Reservations.Overlap overlap ->
          throw new IllegalStateException("cancelling frees nights; it cannot overlap");
    };
  }
}
