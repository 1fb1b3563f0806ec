package ar.booking.core.usecase;

import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A hold becomes a confirmed stay (payment approved, or the owner confirms by hand). Idempotent: a
 * second confirmation answers {@link AlreadyConfirmed}. A payment that arrives after the hold
 * expired still confirms it when the nights are free; when they were sold meanwhile the answer is
 * {@link Unavailable} and the caller must refund.
 */
public final class ConfirmReservation {

  private final Reservations reservations;
  private final Transactions transactions;
  private final BookingEvents events;
  private final Clock clock;

  ConfirmReservation(
      Reservations reservations, Transactions transactions, BookingEvents events, Clock clock) {
    this.reservations = reservations;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param amountPaid what was paid so far; {@code null} keeps what was recorded
   * @param actor who confirms, for the audit trail ("payment:123", "admin:owner@x")
   */
  public record Command(ReservationCode code, Money amountPaid, String actor) {
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
    Result result = transactions.inTransaction(() -> confirm(command));
    if (result instanceof Confirmed confirmed) {
      events.confirmed(confirmed.reservation());
    }
    return result;
  }

  private Result confirm(Command command) {
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
    Instant now = clock.instant();
    Money paid = command.amountPaid() == null ? current.amountPaid() : command.amountPaid();
    Reservations.UpdateOutcome outcome =
        reservations.update(current.confirm(paid, now), current.status(), command.actor());
    return switch (outcome) {
      case Reservations.Updated updated -> new Confirmed(updated.reservation());
      case Reservations.Overlap overlap -> new Unavailable(overlap.conflicts());
      case Reservations.NotFound notFound -> new NotFound(command.code());
      case Reservations.StatusChanged changed ->
          changed.current().status() == ReservationStatus.CONFIRMED
              ? new AlreadyConfirmed(changed.current())
              : confirmAgain(command, changed.current());
    };
  }

  // The status moved under us (typically expired a moment ago): decide again on what is stored.
  private Result confirmAgain(Command command, Reservation current) {
    if (!current.status().canBecome(ReservationStatus.CONFIRMED)) {
      return new NotConfirmable(current.status());
    }
    Money paid = command.amountPaid() == null ? current.amountPaid() : command.amountPaid();
    return switch (reservations.update(
        current.confirm(paid, clock.instant()), current.status(), command.actor())) {
      case Reservations.Updated updated -> new Confirmed(updated.reservation());
      case Reservations.Overlap overlap -> new Unavailable(overlap.conflicts());
      case Reservations.NotFound notFound -> new NotFound(command.code());
      case Reservations.StatusChanged changed -> new NotConfirmable(changed.current().status());
    };
  }
}
