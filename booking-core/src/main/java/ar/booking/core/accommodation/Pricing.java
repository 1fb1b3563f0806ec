package ar.booking.core.accommodation;

import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prices stays under a {@link PricingPolicy}. Pure functions, no state. */
public final class Pricing {

  private Pricing() {}

  /** The full quote for a period: each night priced, fees added, deposit split off. */
  public static Quote quote(PricingPolicy policy, StayPeriod period) {
    List<NightPrice> nights = new ArrayList<>(period.nights());
    Money subtotal = Money.zero(policy.baseNightlyRate().currency());
    for (LocalDate night : (Iterable<LocalDate>) period.nightDates()::iterator) {
      NightPrice price = priceOf(policy, night);
      nights.add(price);
      subtotal = subtotal.plus(price.price());
    }
    Money total = subtotal.plus(policy.cleaningFee());
    Money deposit = total.percent(policy.depositPercentage());
    return new Quote(
        period,
        nights,
        subtotal,
        policy.cleaningFee(),
        total,
        policy.depositPercentage(),
        deposit,
        total.minus(deposit));
  }

  /**
   * The minimum stay that applies to a period: the policy's minimum or, when longer, that of any
   * season one of the nights falls in.
   */
  public static int minimumNights(PricingPolicy policy, StayPeriod period) {
    int minimum = policy.minNights();
    for (Season season : policy.seasons()) {
      if (season.minimumNights().isPresent()
          && period.nightDates().anyMatch(season::covers)
          && season.minNights() > minimum) {
        minimum = season.minNights();
      }
    }
    return minimum;
  }

  static NightPrice priceOf(PricingPolicy policy, LocalDate night) {
    Optional<Season> season = seasonOf(policy, night);
    String seasonName = season.map(Season::name).orElse(null);
    Optional<Holiday> holiday =
        policy.holidays().stream().filter(h -> h.date().equals(night)).findFirst();
    if (holiday.isPresent() && holiday.get().ownRate().isPresent()) {
      return new NightPrice(night, holiday.get().ownRate().get(), NightKind.HOLIDAY, seasonName);
    }
    Money rate = season.map(Season::nightlyRate).orElse(policy.baseNightlyRate());
    if (holiday.isPresent()) {
      return new NightPrice(
          night, rate.times(policy.weekendMultiplier()), NightKind.HOLIDAY, seasonName);
    }
    if (policy.weekendNights().contains(night.getDayOfWeek())) {
      return new NightPrice(
          night, rate.times(policy.weekendMultiplier()), NightKind.WEEKEND, seasonName);
    }
    return new NightPrice(night, rate, NightKind.WEEKDAY, seasonName);
  }

  private static Optional<Season> seasonOf(PricingPolicy policy, LocalDate night) {
    Season found = null;
    for (Season season : policy.seasons()) { // sorted by first night: the latest start wins
      if (season.covers(night)) {
        found = season;
      }
    }
    return Optional.ofNullable(found);
  }
}
