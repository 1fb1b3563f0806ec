package ar.booking.core.usecase;

import ar.booking.core.ports.Accommodations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The owner takes nights off sale (repairs, own use). Blocks obey the same no-overlap rule. */
public final class BlockDates {

  private final Accommodations accommodations;
  private final OccupancyWriter writer;
  private final Clock clock;

  BlockDates(Accommodations accommodations, OccupancyWriter writer, Clock clock) {
    this.accommodations = accommodations;
    this.writer = writer;
    this.clock = clock;
  }

  /** The nights to block and why. */
  public record Command(AccommodationId unit, StayPeriod period, String reason, String actor) {
    public Command {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Blocked, Unavailable, UnknownUnit {}

  public record Blocked(Reservation block) implements Result {}

  public record UnknownUnit(AccommodationId unit) implements Result {}

  public Result execute(Command command) {
    if (accommodations.find(command.unit()).isEmpty()) {
      return new UnknownUnit(command.unit());
    }
    Instant now = clock.instant();
    OccupancyWriter.Outcome outcome =
        writer.write(
            command.unit(),
            command.period(),
            Channel.ADMIN,
            code ->
                Reservation.ownerBlock(
                    code, command.unit(), command.period(), command.reason(), now),
            command.actor());
    return switch (outcome) {
      case OccupancyWriter.Written written -> new Blocked(written.reservation());
      case OccupancyWriter.Refused refused -> new Unavailable(refused.conflicts());
    };
  }
}
