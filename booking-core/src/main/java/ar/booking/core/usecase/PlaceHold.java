package ar.booking.core.usecase;

import ar.booking.core.ports.Accommodations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A guest asks for nights: check the stay rules, price it, and — under the unit lock, re-checking
 * the calendar — store a {@code PRE_RESERVED} hold that frees itself after the hold time-to-live.
 */
public final class PlaceHold {

  private final Accommodations accommodations;
  private final OccupancyWriter writer;
  private final BookingSettings settings;
  private final Clock clock;

  PlaceHold(
      Accommodations accommodations,
      OccupancyWriter writer,
      BookingSettings settings,
      Clock clock) {
    this.accommodations = accommodations;
    this.writer = writer;
    this.settings = settings;
    this.clock = clock;
  }

  /** The hold a guest asks for. */
  public record Command(
      AccommodationId unit,
      StayPeriod period,
      GuestCount guests,
      GuestContact contact,
      Channel channel) {
    public Command {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(guests, "guests");
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(channel, "channel");
      if (!contact.isReachable()) {
        throw new IllegalArgumentException("a hold needs a way to reach the guest");
      }
    }
  }

  /** What came of it. */
  public sealed interface Result permits HoldPlaced, Unavailable, StayRejection {}

  /** The nights are held until {@code reservation.holdExpiresAt()}. */
  public record HoldPlaced(Reservation reservation) implements Result {}

  public Result execute(Command command) {
    Instant now = clock.instant();
    return switch (StayChecks.price(
        accommodations,
        command.unit(),
        command.period(),
        command.guests(),
        settings.stayRules(),
        now,
        true)) {
      case StayChecks.Rejected rejected -> rejected.rejection();
      case StayChecks.Priced priced -> hold(command, priced, now);
    };
  }

  private Result hold(Command command, StayChecks.Priced priced, Instant now) {
    Instant expiresAt = now.plus(settings.holdTtl());
    OccupancyWriter.Outcome outcome =
        writer.write(
            priced.unit().id(),
            command.period(),
            command.channel(),
            code ->
                Reservation.hold(
                    code,
                    priced.unit().id(),
                    priced.quote(),
                    command.guests(),
                    command.contact(),
                    command.channel(),
                    now,
                    expiresAt),
            "guest:" + command.channel().name().toLowerCase(Locale.ROOT));
    return switch (outcome) {
      case OccupancyWriter.Written written -> new HoldPlaced(written.reservation());
      case OccupancyWriter.Refused refused -> new Unavailable(refused.conflicts());
    };
  }
}
