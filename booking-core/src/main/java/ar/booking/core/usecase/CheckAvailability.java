package ar.booking.core.usecase;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.accommodation.Quote;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which units can take a stay: every active unit with its quote, and the reason when it cannot. One
 * calendar read covers all units.
 */
public final class CheckAvailability {

  private final Accommodations accommodations;
  private final Reservations reservations;
  private final BookingSettings settings;
  private final Clock clock;

  CheckAvailability(
      Accommodations accommodations,
      Reservations reservations,
      BookingSettings settings,
      Clock clock) {
    this.accommodations = accommodations;
    this.reservations = reservations;
    this.settings = settings;
    this.clock = clock;
  }

  public record Command(StayPeriod period, GuestCount guests) {
    public Command {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(guests, "guests");
    }
  }

  /** Why a unit cannot take the stay. */
  public enum Reason {
    OCCUPIED,
    TOO_MANY_GUESTS,
    BELOW_MINIMUM_STAY,
    CHECK_IN_IN_PAST,
    STAY_TOO_LONG
  }

  /**
   * One unit's answer. {@code reason} is empty when available; {@code conflicts} lists what takes
   * the nights when occupied.
   */
  public record Option(
      Accommodation unit,
      boolean available,
      Optional<Reason> reason,
      Quote quote,
      int minNights,
      List<BusyPeriod> conflicts) {
    public Option {
      conflicts = List.copyOf(conflicts);
    }
  }

  /** The answer for every active unit, in unit order; available ones first is the caller's call. */
  public record Options(StayPeriod period, GuestCount guests, List<Option> options) {
    public Options {
      options = List.copyOf(options);
    }

    public List<Option> available() {
      return options.stream().filter(Option::available).toList();
    }
  }

  public Options execute(Command command) {
    Instant now = clock.instant();
    StayPeriod period = command.period();
    Map<AccommodationId, List<BusyPeriod>> busy =
        reservations.busyBetween(Optional.empty(), period.checkIn(), period.checkOut()).stream()
            .collect(Collectors.groupingBy(BusyPeriod::accommodationId));
    List<Option> options = new ArrayList<>();
    for (Accommodation unit : accommodations.findActive()) {
      Quote quote = Pricing.quote(unit.pricing(), period);
      int minNights = Pricing.minimumNights(unit.pricing(), period);
      List<BusyPeriod> conflicts = busy.getOrDefault(unit.id(), List.of());
      Optional<Reason> reason =
          StayChecks.check(unit, period, command.guests(), settings.stayRules(), now, true)
              .map(CheckAvailability::reasonOf)
              .or(() -> conflicts.isEmpty() ? Optional.empty() : Optional.of(Reason.OCCUPIED));
      options.add(new Option(unit, reason.isEmpty(), reason, quote, minNights, conflicts));
    }
    return new Options(period, command.guests(), options);
  }

  private static Reason reasonOf(StayRejection rejection) {
    return switch (rejection) {
      case StayRejection.TooManyGuests r -> Reason.TOO_MANY_GUESTS;
      case StayRejection.BelowMinimumStay r -> Reason.BELOW_MINIMUM_STAY;
      case StayRejection.CheckInInPast r -> Reason.CHECK_IN_IN_PAST;
      case StayRejection.StayTooLong r -> Reason.STAY_TOO_LONG;
      case StayRejection.UnknownUnit r -> throw new IllegalStateException("listed units exist");
      case StayRejection.UnitInactive r -> throw new IllegalStateException("only active listed");
    };
  }
}
