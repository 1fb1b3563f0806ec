package ar.booking.app.admin;

import static ar.booking.app.admin.Requests.checkRange;
import static ar.booking.app.admin.Requests.invalid;

import ar.booking.app.admin.UnitRequest.HolidayRequest;
import ar.booking.app.admin.UnitRequest.SeasonRequest;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.Holiday;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.accommodation.Season;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link UnitRequest} into a valid {@link Accommodation}: every field is checked and named
 * when wrong, before anything is stored. Fields the request leaves out come from {@code current}
 * (the stored unit on {@code PUT}) or from the defaults (on {@code POST}).
 */
final class UnitForm {

  static final int MAX_CAPACITY = 100;
  static final int MAX_MIN_NIGHTS = 365;
  private static final BigDecimal MAX_MULTIPLIER = BigDecimal.TEN;

  private UnitForm() {}

  /** A new unit: {@code name}, {@code capacity} and {@code base_price} are required. */
  static Accommodation create(AccommodationId id, UnitRequest request) {
    require(request.name(), "name");
    require(request.capacity(), "capacity");
    require(request.basePrice(), "base_price");
    return merge(id, request, null);
  }

  /** The stored unit with the request's fields applied. */
  static Accommodation update(Accommodation current, UnitRequest request) {
    if (request.id() != null && request.id() != current.id().value()) {
      throw invalid("id", "cannot be changed (the unit is " + current.id() + ")");
    }
    return merge(current.id(), request, current);
  }

  private static Accommodation merge(AccommodationId id, UnitRequest r, Accommodation current) {
    PricingPolicy old = current == null ? null : current.pricing();
    String name = r.name() != null ? text("name", r.name(), 200, true) : current.name();
    AccommodationType type =
        r.type() != null
            ? Codes.parse("type", r.type(), AccommodationType.class)
            : current == null ? AccommodationType.OTHER : current.type();
    int capacity =
        r.capacity() != null
            ? checkRange("capacity", r.capacity(), 1, MAX_CAPACITY)
            : current.capacity();
    String description =
        r.description() != null
            ? text("description", r.description(), 5000, false)
            : current == null ? "" : current.description();
    List<String> amenities =
        r.amenities() != null
            ? amenities(r.amenities())
            : current == null ? List.of() : current.amenities();
    LocalTime checkIn =
        r.checkInTime() != null
            ? time("check_in_time", r.checkInTime())
            : current == null ? Accommodation.DEFAULT_CHECK_IN : current.checkInTime();
    LocalTime checkOut =
        r.checkOutTime() != null
            ? time("check_out_time", r.checkOutTime())
            : current == null ? Accommodation.DEFAULT_CHECK_OUT : current.checkOutTime();
    ZoneId zone =
        r.timeZone() != null
            ? zone(r.timeZone())
            : current == null ? Accommodation.DEFAULT_ZONE : current.zone();
    boolean active = r.active() != null ? r.active() : current == null || current.active();
    Currency currency =
        r.currency() != null
            ? currency(r.currency())
            : old == null ? Money.ARS : old.baseNightlyRate().currency();
    Money base =
        r.basePrice() != null
            ? positive("base_price", Requests.money("base_price", r.basePrice(), currency))
            : inCurrency("base_price", old.baseNightlyRate(), currency);
    PricingPolicy pricing =
        new PricingPolicy(
            base,
            r.weekendNights() != null
                ? weekendNights(r.weekendNights())
                : old == null ? PricingPolicy.FRIDAY_AND_SATURDAY : old.weekendNights(),
            r.weekendMultiplier() != null
                ? multiplier(r.weekendMultiplier())
                : old == null ? BigDecimal.ONE : old.weekendMultiplier(),
            r.seasons() != null
                ? seasons(r.seasons(), currency)
                : old == null ? List.of() : sameCurrency("seasons", old.seasons(), currency),
            r.holidays() != null
                ? holidays(r.holidays(), currency)
                : old == null ? List.of() : sameCurrency("holidays", old.holidays(), currency),
            r.minNights() != null
                ? checkRange("min_nights", r.minNights(), 1, MAX_MIN_NIGHTS)
                : old == null ? 1 : old.minNights(),
            r.cleaningFee() != null
                ? Requests.money("cleaning_fee", r.cleaningFee(), currency)
                : old == null ? null : inCurrency("cleaning_fee", old.cleaningFee(), currency),
            r.depositPercentage() != null
                ? checkRange("deposit_percentage", r.depositPercentage(), 0, 100)
                : old == null ? PricingPolicy.DEFAULT_DEPOSIT_PERCENTAGE : old.depositPercentage());
    return new Accommodation(
        id,
        name,
        type,
        capacity,
        description,
        amenities,
        checkIn,
        checkOut,
        zone,
        active,
        pricing,
        current == null ? 1 : current.exportTokenVersion());
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw invalid(field, "is required");
    }
  }

  private static String text(String field, String value, int maxLength, boolean required) {
    if (required && value.isBlank()) {
      throw invalid(field, "must not be blank");
    }
    if (value.length() > maxLength) {
      throw invalid(field, "must be at most " + maxLength + " characters");
    }
    return value.strip();
  }

  private static List<String> amenities(List<String> values) {
    List<String> amenities = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null || value.isBlank()) {
        throw invalid("amenities[" + i + "]", "must not be blank");
      }
      amenities.add(text("amenities[" + i + "]", value, 100, true));
    }
    return amenities;
  }

  private static LocalTime time(String field, String value) {
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeException e) {
      throw invalid(field, "must be a time of day as HH:MM: '" + value + "'");
    }
  }

  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw invalid(
          "time_zone", "must be an IANA time zone such as America/Argentina/Buenos_Aires");
    }
  }

  private static Currency currency(String value) {
    try {
      return Currency.getInstance(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("currency", "must be an ISO 4217 code such as ARS or USD: '" + value + "'");
    }
  }

  private static Money positive(String field, Money money) {
    if (money.isZero()) {
      throw invalid(field, "must be greater than 0");
    }
    return money;
  }

  private static Money inCurrency(String field, Money money, Currency currency) {
    if (!money.currency().equals(currency)) {
      throw invalid(field, "must be given again when the currency changes");
    }
    return money;
  }

  private static <T> List<T> sameCurrency(String field, List<T> stored, Currency currency) {
    for (T item : stored) {
      Money rate = item instanceof Season season ? season.nightlyRate() : ((Holiday) item).rate();
      if (rate != null && !rate.currency().equals(currency)) {
        throw invalid(field, "must be given again when the currency changes");
      }
    }
    return stored;
  }

  private static Set<DayOfWeek> weekendNights(List<String> values) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i < values.size(); i++) {
      String field = "weekend_nights[" + i + "]";
      if (values.get(i) == null) {
        throw invalid(field, "must be a day of the week");
      }
      days.add(Codes.parse(field, values.get(i), DayOfWeek.class));
    }
    return days;
  }

  private static BigDecimal multiplier(BigDecimal value) {
    if (value.signum() <= 0 || value.compareTo(MAX_MULTIPLIER) > 0) {
      throw invalid("weekend_multiplier", "must be greater than 0 and at most 10");
    }
    return value;
  }

  private static List<Season> seasons(List<SeasonRequest> requests, Currency currency) {
    List<Season> seasons = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String at = "seasons[" + i + "].";
      SeasonRequest s = requests.get(i);
      if (s == null) {
        throw invalid("seasons[" + i + "]", "must be an object");
      }
      require(s.name(), at + "name");
      require(s.from(), at + "from");
      require(s.to(), at + "to");
      require(s.nightlyRate(), at + "nightly_rate");
      LocalDate from = Requests.date(at + "from", s.from());
      LocalDate to = Requests.date(at + "to", s.to());
      if (to.isBefore(from)) {
        throw invalid(at + "to", "must not be before " + at + "from");
      }
      if (s.minNights() != null) {
        checkRange(at + "min_nights", s.minNights(), 1, MAX_MIN_NIGHTS);
      }
      seasons.add(
          new Season(
              text(at + "name", s.name(), 100, true),
              from,
              to,
              positive(
                  at + "nightly_rate",
                  Requests.money(at + "nightly_rate", s.nightlyRate(), currency)),
              s.minNights()));
    }
    return seasons;
  }

  private static List<Holiday> holidays(List<HolidayRequest> requests, Currency currency) {
    List<Holiday> holidays = new ArrayList<>();
    Set<LocalDate> dates = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      String at = "holidays[" + i + "].";
      HolidayRequest h = requests.get(i);
      if (h == null) {
        throw invalid("holidays[" + i + "]", "must be an object");
      }
      require(h.date(), at + "date");
      LocalDate date = Requests.date(at + "date", h.date());
      if (!dates.add(date)) {
        throw invalid(at + "date", "is listed twice: " + date);
      }
      if (Boolean.TRUE.equals(h.pricedAsWeekend()) && h.rate() != null) {
        throw invalid(at + "rate", "must be left out when priced_as_weekend is true");
      }
      if (Boolean.FALSE.equals(h.pricedAsWeekend()) && h.rate() == null) {
        throw invalid(at + "rate", "is required when priced_as_weekend is false");
      }
      Money rate = h.rate() == null ? null : Requests.money(at + "rate", h.rate(), currency);
      String name = h.name() == null ? "" : text(at + "name", h.name(), 100, false);
      holidays.add(new Holiday(date, name, rate));
    }
    return holidays;
  }
}
