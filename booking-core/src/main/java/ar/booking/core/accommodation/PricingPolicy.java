package ar.booking.core.accommodation;

import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a unit prices its nights: a base nightly rate, weekend nights (Friday and Saturday by
 * default) at a multiplier, dated seasons that replace the base rate, holidays, a minimum stay, an
 * optional cleaning fee, and the deposit percentage asked to hold the booking (100 = pay in full).
 *
 * <p>Precedence for one night: a holiday with its own rate wins; otherwise the season rate (or the
 * base rate) is multiplied by the weekend multiplier when the night is a weekend night or a holiday
 * without its own rate. When seasons overlap, the one that starts latest wins.
 */
public record PricingPolicy(
    Money baseNightlyRate,
    Set<DayOfWeek> weekendNights,
    BigDecimal weekendMultiplier,
    List<Season> seasons,
    List<Holiday> holidays,
    int minNights,
    Money cleaningFee,
    int depositPercentage) {

  public static final Set<DayOfWeek> FRIDAY_AND_SATURDAY =
      Set.copyOf(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));
  public static final int DEFAULT_DEPOSIT_PERCENTAGE = 30;

  public PricingPolicy {
    Objects.requireNonNull(baseNightlyRate, "baseNightlyRate");
    weekendNights = weekendNights == null ? FRIDAY_AND_SATURDAY : Set.copyOf(weekendNights);
    weekendMultiplier = weekendMultiplier == null ? BigDecimal.ONE : weekendMultiplier;
    if (weekendMultiplier.signum() <= 0) {
      throw new IllegalArgumentException(
          "weekend multiplier must be positive: " + weekendMultiplier);
    }
    seasons =
        seasons == null
            ? List.of()
            : seasons.stream().sorted(Comparator.comparing(Season::firstNight)).toList();
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    if (minNights < 1) {
      throw new IllegalArgumentException("minimum nights must be at least 1: " + minNights);
    }
    cleaningFee = cleaningFee == null ? Money.zero(baseNightlyRate.currency()) : cleaningFee;
    if (depositPercentage < 0 || depositPercentage > 100) {
      throw new IllegalArgumentException("deposit percentage must be 0..100: " + depositPercentage);
    }
    for (Season season : seasons) {
      requireCurrency(season.nightlyRate(), baseNightlyRate);
    }
    for (Holiday holiday : holidays) {
      holiday.ownRate().ifPresent(rate -> requireCurrency(rate, baseNightlyRate));
    }
    requireCurrency(cleaningFee, baseNightlyRate);
    if (holidays.stream().map(Holiday::date).distinct().count() != holidays.size()) {
      throw new IllegalArgumentException("a holiday date is listed twice");
    }
  }

  /** A policy with only a base rate: no weekend surcharge, 1 night minimum, 30 % deposit. */
  public static PricingPolicy flat(Money baseNightlyRate) {
    return new PricingPolicy(
        baseNightlyRate,
        FRIDAY_AND_SATURDAY,
        BigDecimal.ONE,
        List.of(),
        List.of(),
        1,
        null,
        DEFAULT_DEPOSIT_PERCENTAGE);
  }

  public PricingPolicy withWeekendMultiplier(BigDecimal multiplier) {
    return new PricingPolicy(
        baseNightlyRate,
        weekendNights,
        multiplier,
        seasons,
        holidays,
        minNights,
        cleaningFee,
        depositPercentage);
  }

  public PricingPolicy withSeasons(List<Season> newSeasons) {
    return new PricingPolicy(
        baseNightlyRate,
        weekendNights,
        weekendMultiplier,
        newSeasons,
        holidays,
        minNights,
        cleaningFee,
        depositPercentage);
  }

  public PricingPolicy withHolidays(List<Holiday> newHolidays) {
    return new PricingPolicy(
        baseNightlyRate,
        weekendNights,
        weekendMultiplier,
        seasons,
        newHolidays,
        minNights,
        cleaningFee,
        depositPercentage);
  }

  public PricingPolicy withMinNights(int newMinNights) {
    return new PricingPolicy(
        baseNightlyRate,
        weekendNights,
        weekendMultiplier,
        seasons,
        holidays,
        newMinNights,
        cleaningFee,
        depositPercentage);
  }

  public PricingPolicy withCleaningFee(Money fee) {
    return new PricingPolicy(
        baseNightlyRate,
        weekendNights,
        weekendMultiplier,
        seasons,
        holidays,
        minNights,
        fee,
        depositPercentage);
  }

  public PricingPolicy withDepositPercentage(int percentage) {
    return new PricingPolicy(
        baseNightlyRate,
        weekendNights,
        weekendMultiplier,
        seasons,
        holidays,
        minNights,
        cleaningFee,
        percentage);
  }

  private static void requireCurrency(Money money, Money base) {
    if (!money.currency().equals(base.currency())) {
      throw new IllegalArgumentException(
          "all prices of a unit share one currency: " + money + " vs " + base);
    }
  }
}
