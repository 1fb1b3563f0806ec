package ar.booking.core.usecase;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.stay.StayRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The checks a stay passes on a unit before its calendar is consulted. */
final class StayChecks {

  private StayChecks() {}

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
