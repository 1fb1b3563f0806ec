package ar.booking.app.admin;

import static ar.booking.app.admin.Requests.checkRange;
import static ar.booking.app.admin.Requests.invalid;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link UnitRequest} into a valid {@link Accommodation}: every field is checked and named
 * when wrong, before anything is stored. Fields the request leaves out come from {@code current}
 * (the stored unit on {@code PUT}) or from the defaults (on {@code POST}).
 */
final class UnitForm {

  static final int MAX_CAPACITY = 100;
  static final int MAX_MIN_NIGHTS = 365;

  private UnitForm() {}

  /** A new unit: {@code name}, {@code capacity} and {@code base_price} are required. */
  static Accommodation create(AccommodationId id, UnitRequest request) {
    Requests.require(request.name(), "name");
    Requests.require(request.capacity(), "capacity");
    Requests.require(request.basePrice(), "base_price");
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
    String name = r.name() != null ? Requests.text("name", r.name(), 200, true) : current.name();
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
            ? Requests.text("description", r.description(), 5000, false)
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
            ? PricingForm.positive(
                "base_price", Requests.money("base_price", r.basePrice(), currency))
            : PricingForm.inCurrency("base_price", old.baseNightlyRate(), currency);
    PricingPolicy pricing =
        new PricingPolicy(
            base,
            r.weekendNights() != null
                ? PricingForm.weekendNights(r.weekendNights())
                : old == null ? PricingPolicy.FRIDAY_AND_SATURDAY : old.weekendNights(),
            r.weekendMultiplier() != null
                ? PricingForm.multiplier(r.weekendMultiplier())
                : old == null ? BigDecimal.ONE : old.weekendMultiplier(),
            r.seasons() != null
                ? PricingForm.seasons(r.seasons(), currency)
                : old == null
                    ? List.of()
                    : PricingForm.sameCurrency("seasons", old.seasons(), currency),
            r.holidays() != null
                ? PricingForm.holidays(r.holidays(), currency)
                : old == null
                    ? List.of()
                    : PricingForm.sameCurrency("holidays", old.holidays(), currency),
            r.minNights() != null
                ? checkRange("min_nights", r.minNights(), 1, MAX_MIN_NIGHTS)
                : old == null ? 1 : old.minNights(),
            r.cleaningFee() != null
                ? Requests.money("cleaning_fee", r.cleaningFee(), currency)
                : old == null
                    ? null
                    : PricingForm.inCurrency("cleaning_fee", old.cleaningFee(), currency),
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
        current == null ? 1 : current.exportTokenVersion(),
        r.address() != null
            ? Requests.text("address", r.address(), 500, false)
            : current == null ? null : current.address(),
        r.arrivalInstructions() != null
            ? Requests.text("arrival_instructions", r.arrivalInstructions(), 2000, false)
            : current == null ? null : current.arrivalInstructions());
  }

  private static List<String> amenities(List<String> values) {
    List<String> amenities = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null || value.isBlank()) {
        throw invalid("amenities[" + i + "]", "must not be blank");
      }
      amenities.add(Requests.text("amenities[" + i + "]", value, 100, true));
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
      return Currency.getInstance(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("currency", "must be an ISO 4217 code such as ARS or USD: '" + value + "'");
    }
  }
}
