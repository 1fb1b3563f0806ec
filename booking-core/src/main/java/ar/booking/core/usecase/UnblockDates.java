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

/** The owner puts blocked nights back on sale. Only owner blocks can be lifted this way. */
public final class UnblockDates {

  private final Reservations reservations;
  private final Transactions transactions;
  private final Clock clock;

  UnblockDates(Reservations reservations, Transactions transactions, Clock clock) {
    this.reservations = reservations;
    this.transactions = transactions;
    this.clock = clock;
  }

  public record Command(ReservationCode code, String actor) {
    public Command {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Unblocked, NotFound, NotABlock {}

  public record Unblocked(Reservation block) implements Result {}

  public record NotFound(ReservationCode code) implements Result {}

  /** The code names a guest booking or an imported stay, or a block already lifted. */
  public record NotABlock(OccupancyKind kind, ReservationStatus status) implements Result {}

  public Result execute(Command command) {
    return transactions.inTransaction(
        () -> {
          Optional<Reservation> found = reservations.find(command.code());
          if (found.isEmpty()) {
            return new NotFound(command.code());
          }
          Reservation block = found.get();
          if (block.kind() != OccupancyKind.OWNER_BLOCK
              || block.status() != ReservationStatus.BLOCKED) {
            return new NotABlock(block.kind(), block.status());
          }
          return switch (reservations.update(
              block.cancel("unblocked", clock.instant()), command.actor())) {
            case Reservations.Updated updated -> new Unblocked(updated.reservation());
            case Reservations.NotFound notFound -> new NotFound(command.code());
            case Reservations.Stale stale -> execute(command); // changed meanwhile: decide again
            case Reservations.Overlap overlap ->
                throw new IllegalStateException("unblocking frees nights; it cannot overlap");
          };
        });
  }
}
