package ar.booking.core.usecase;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.accommodation.Quote;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.stay.StayRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The checks a stay passes on a unit before its calendar is consulted, and its price. */
final class StayChecks {

  private StayChecks() {}

  /** Either the unit and the stay's price, or why the stay cannot be had there. */
  sealed interface PricedStay permits Priced, Rejected {}

  record Priced(Accommodation unit, Quote quote) implements PricedStay {}

  record Rejected(StayRejection rejection) implements PricedStay {}

  /** Finds the unit, applies every stay rule, and prices the stay. */
  static PricedStay price(
      Accommodations accommodations,
      AccommodationId unitId,
      StayPeriod period,
      GuestCount guests,
      StayRules rules,
      Instant now,
      boolean enforceMinimumStay) {
    Optional<Accommodation> found = accommodations.find(unitId);
    if (found.isEmpty()) {
      return new Rejected(new StayRejection.UnknownUnit(unitId));
    }
    Accommodation unit = found.get();
    Optional<StayRejection> rejection = check(unit, period, guests, rules, now, enforceMinimumStay);
    if (rejection.isPresent()) {
      return new Rejected(rejection.get());
    }
    return new Priced(unit, Pricing.quote(unit.pricing(), period));
  }

  static Optional<StayRejection> check(
      Accommodation unit,
      StayPeriod period,
      GuestCount guests,
      StayRules rules,
      Instant now,
      boolean enforceMinimumStay) {
    if (!unit.active()) {
      return Optional.of(new StayRejection.UnitInactive(unit.id()));
    }
    LocalDate today = unit.today(now);
    Optional<StayRules.Violation> violation = rules.check(period, today);
    if (violation.isPresent()) {
      return Optional.of(
          switch (violation.get()) {
            case CHECK_IN_IN_PAST -> new StayRejection.CheckInInPast(today);
            case STAY_TOO_LONG -> new StayRejection.StayTooLong(rules.maxNights(), period.nights());
          });
    }
    if (guests.value() > unit.capacity()) {
      return Optional.of(new StayRejection.TooManyGuests(unit.capacity(), guests.value()));
    }
    int minimum = Pricing.minimumNights(unit.pricing(), period);
    if (enforceMinimumStay && period.nights() < minimum) {
      return Optional.of(new StayRejection.BelowMinimumStay(minimum, period.nights()));
    }
    return Optional.empty();
  }
}
