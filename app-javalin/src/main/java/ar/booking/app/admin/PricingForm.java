package ar.booking.app.admin;

import static ar.booking.app.admin.Requests.checkRange;
import static ar.booking.app.admin.Requests.invalid;
import static ar.booking.app.admin.Requests.require;
import static ar.booking.app.admin.Requests.text;

import ar.booking.app.admin.UnitRequest.HolidayRequest;
import ar.booking.app.admin.UnitRequest.SeasonRequest;
import ar.booking.core.accommodation.Holiday;
import ar.booking.core.accommodation.Season;
import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pricing parts of a {@link UnitRequest}, checked field by field: rates, weekends, seasons,
 * holidays.
 */
final class PricingForm {

  private static final BigDecimal MAX_MULTIPLIER = BigDecimal.TEN;

  private PricingForm() {}

  static Money positive(String field, Money money) {
    if (money.isZero()) {
      throw invalid(field, "must be greater than 0");
    }
    return money;
  }

  static Money inCurrency(String field, Money money, Currency currency) {
    if (!money.currency().equals(currency)) {
      throw invalid(field, "must be given again when the currency changes");
    }
    return money;
  }

  static <T> List<T> sameCurrency(String field, List<T> stored, Currency currency) {
    for (T item : stored) {
      Money rate = item instanceof Season season ? season.nightlyRate() : ((Holiday) item).rate();
      if (rate != null && !rate.currency().equals(currency)) {
        throw invalid(field, "must be given again when the currency changes");
      }
    }
    return stored;
  }

  static Set<DayOfWeek> weekendNights(List<String> values) {
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

  static BigDecimal multiplier(BigDecimal value) {
    if (value.signum() <= 0 || value.compareTo(MAX_MULTIPLIER) > 0) {
      throw invalid("weekend_multiplier", "must be greater than 0 and at most 10");
    }
    return value;
  }

  static List<Season> seasons(List<SeasonRequest> requests, Currency currency) {
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
        checkRange(at + "min_nights", s.minNights(), 1, UnitForm.MAX_MIN_NIGHTS);
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

  static List<Holiday> holidays(List<HolidayRequest> requests, Currency currency) {
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
