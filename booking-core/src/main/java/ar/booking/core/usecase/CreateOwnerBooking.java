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
import java.util.Objects;

/**
 * The owner enters a booking made elsewhere (phone, in person): it is {@code CONFIRMED} at once.
 * Capacity, past dates and the maximum length still apply; the minimum stay does not — the owner
 * may make exceptions.
 */
public final class CreateOwnerBooking {

  private final Accommodations accommodations;
  private final OccupancyWriter writer;
  private final BookingSettings settings;
  private final Clock clock;

  CreateOwnerBooking(
      Accommodations accommodations,
      OccupancyWriter writer,
      BookingSettings settings,
      Clock clock) {
    this.accommodations = accommodations;
    this.writer = writer;
    this.settings = settings;
    this.clock = clock;
  }

  /** The booking the owner enters; {@code actor} names the owner for the audit trail. */
  public record Command(
      AccommodationId unit,
      StayPeriod period,
      GuestCount guests,
      GuestContact contact,
      Channel channel,
      String note,
      String actor) {
    public Command {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(guests, "guests");
      contact = contact == null ? GuestContact.NONE : contact;
      channel = channel == null ? Channel.ADMIN : channel;
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Booked, Unavailable, StayRejection {}

  public record Booked(Reservation reservation) implements Result {}

  public Result execute(Command command) {
    Instant now = clock.instant();
    return switch (StayChecks.price(
        accommodations,
        command.unit(),
        command.period(),
        command.guests(),
        settings.stayRules(),
        now,
        false)) {
      case StayChecks.Rejected rejected -> rejected.rejection();
      case StayChecks.Priced priced -> book(command, priced, now);
    };
  }

  private Result book(Command command, StayChecks.Priced priced, Instant now) {
    OccupancyWriter.Outcome outcome =
        writer.write(
            priced.unit().id(),
            command.period(),
            command.channel(),
            code ->
                Reservation.confirmedBooking(
                    code,
                    priced.unit().id(),
                    priced.quote(),
                    command.guests(),
                    command.contact(),
                    command.channel(),
                    command.note(),
                    now),
            command.actor());
    return switch (outcome) {
      case OccupancyWriter.Written written -> new Booked(written.reservation());
      case OccupancyWriter.Refused refused -> new Unavailable(refused.conflicts());
    };
  }
}
