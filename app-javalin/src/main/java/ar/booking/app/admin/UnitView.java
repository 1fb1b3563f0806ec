package ar.booking.app.admin;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Holiday;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.accommodation.Season;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/** A unit as the API shows it: identity, description, times and its whole pricing policy. */
record UnitView(
    long id,
    String name,
    String type,
    int capacity,
    String description,
    List<String> amenities,
    String checkInTime,
    String checkOutTime,
    String timeZone,
    boolean active,
    BigDecimal basePrice,
    String currency,
    List<String> weekendNights,
    BigDecimal weekendMultiplier,
    int minNights,
    BigDecimal cleaningFee,
    int depositPercentage,
    List<SeasonView> seasons,
    List<HolidayView> holidays,
    int exportTokenVersion,
    String address,
    String arrivalInstructions) {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  record SeasonView(
      String name, LocalDate from, LocalDate to, BigDecimal nightlyRate, Integer minNights) {}

  record HolidayView(LocalDate date, String name, BigDecimal rate, boolean pricedAsWeekend) {}

  static UnitView of(Accommodation unit) {
    PricingPolicy pricing = unit.pricing();
    return new UnitView(
        unit.id().value(),
        unit.name(),
        Codes.of(unit.type()),
        unit.capacity(),
        unit.description(),
        unit.amenities(),
        time(unit.checkInTime()),
        time(unit.checkOutTime()),
        unit.zone().getId(),
        unit.active(),
        pricing.baseNightlyRate().amount(),
        pricing.baseNightlyRate().currency().getCurrencyCode(),
        pricing.weekendNights().stream().sorted().map(Codes::of).toList(),
        pricing.weekendMultiplier(),
        pricing.minNights(),
        pricing.cleaningFee().amount(),
        pricing.depositPercentage(),
        pricing.seasons().stream().map(UnitView::season).toList(),
        pricing.holidays().stream()
            .sorted(Comparator.comparing(Holiday::date))
            .map(UnitView::holiday)
            .toList(),
        unit.exportTokenVersion(),
        unit.address(),
        unit.arrivalInstructions());
  }

  private static SeasonView season(Season season) {
    return new SeasonView(
        season.name(),
        season.firstNight(),
        season.lastNight(),
        season.nightlyRate().amount(),
        season.minNights());
  }

  private static HolidayView holiday(Holiday holiday) {
    return new HolidayView(
        holiday.date(),
        holiday.name(),
        holiday.ownRate().map(rate -> rate.amount()).orElse(null),
        holiday.ownRate().isEmpty());
  }

  private static String time(LocalTime time) {
    return time.format(HOURS);
  }
}
