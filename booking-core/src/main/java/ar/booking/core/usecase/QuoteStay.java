package ar.booking.core.usecase;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Quote;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The price of a stay on one unit, and whether its nights are free right now. */
public final class QuoteStay {

  private final Accommodations accommodations;
  private final Reservations reservations;
  private final BookingSettings settings;
  private final Clock clock;

  QuoteStay(
      Accommodations accommodations,
      Reservations reservations,
      BookingSettings settings,
      Clock clock) {
    this.accommodations = accommodations;
    this.reservations = reservations;
    this.settings = settings;
    this.clock = clock;
  }

  public record Command(AccommodationId unit, StayPeriod period, GuestCount guests) {
    public Command {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(guests, "guests");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Quoted, StayRejection {}

  /** The price; {@code conflicts} is empty when the nights are free. */
  public record Quoted(Accommodation unit, Quote quote, List<BusyPeriod> conflicts)
      implements Result {
    public Quoted {
      conflicts = List.copyOf(conflicts);
    }

    public boolean available() {
      return conflicts.isEmpty();
    }
  }

  public Result execute(Command command) {
    return switch (StayChecks.price(
        accommodations,
        command.unit(),
        command.period(),
        command.guests(),
        settings.stayRules(),
        clock.instant(),
        true)) {
      case StayChecks.Rejected rejected -> rejected.rejection();
      case StayChecks.Priced priced ->
          new Quoted(
              priced.unit(),
              priced.quote(),
              reservations.overlapping(priced.unit().id(), command.period()));
    };
  }
}
