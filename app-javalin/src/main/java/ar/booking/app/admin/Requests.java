package ar.booking.app.admin;

import ar.booking.app.http.ApiException;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * Reading what a request carries — query parameters, path parameters, bodies, field values — and
 * refusing it with a 400 {@code invalid_request} that names the offending field.
 */
final class Requests {

  /** The largest amount PostgreSQL's {@code numeric(14, 2)} columns hold. */
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

  private Requests() {}

  static ApiException invalid(String field, String message) {
    return new ApiException(400, "invalid_request", field + " " + message, Map.of("field", field));
  }

  /** The JSON body as {@code type}; a missing body or {@code null} is a 400. */
  static <T> T body(Context ctx, Class<T> type) {
    if (ctx.body().isBlank()) {
      throw new ApiException(400, "invalid_json", "A JSON request body is required.");
    }
    T value = ctx.bodyAsClass(type);
    if (value == null) {
      throw new ApiException(400, "invalid_json", "The request body must be a JSON object.");
    }
    return value;
  }

  /** The JSON body as {@code type}, or {@code empty} when the request has no body. */
  static <T> T optionalBody(Context ctx, Class<T> type, T empty) {
    return ctx.body().isBlank() ? empty : body(ctx, type);
  }

  static String requiredParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw invalid(name, "is required");
    }
    return value.strip();
  }

  static Optional<String> optionalParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  static LocalDate requiredDate(Context ctx, String name) {
    return date(name, requiredParam(ctx, name));
  }

  static Optional<LocalDate> optionalDate(Context ctx, String name) {
    return optionalParam(ctx, name).map(value -> date(name, value));
  }

  static int requiredInt(Context ctx, String name, int min, int max) {
    return integer(name, requiredParam(ctx, name), min, max);
  }

  static int optionalInt(Context ctx, String name, int fallback, int min, int max) {
    return optionalParam(ctx, name).map(value -> integer(name, value, min, max)).orElse(fallback);
  }

  static AccommodationId requiredUnit(Context ctx, String name) {
    return unitId(name, requiredParam(ctx, name));
  }

  static Optional<AccommodationId> optionalUnit(Context ctx, String name) {
    return optionalParam(ctx, name).map(value -> unitId(name, value));
  }

  static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be a date as YYYY-MM-DD: '" + value + "'");
    }
  }

  static int integer(String field, String value, int min, int max) {
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw invalid(field, "must be a whole number: '" + value + "'");
    }
    return checkRange(field, parsed, min, max);
  }

  static int checkRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(field, "must be " + min + ".." + max);
    }
    return value;
  }

  static AccommodationId unitId(String field, String value) {
    try {
      return new AccommodationId(Long.parseLong(value.strip()));
    } catch (IllegalArgumentException e) {
      throw invalid(field, "must be a unit id (a positive whole number): '" + value + "'");
    }
  }

  /** An amount of money: not negative, at most two decimals, within what the database holds. */
  static Money money(String field, BigDecimal amount, Currency currency) {
    if (amount.signum() < 0) {
      throw invalid(field, "must not be negative");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw invalid(field, "has at most two decimals");
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw invalid(field, "is too large");
    }
    return new Money(amount, currency);
  }

  static void require(Object value, String field) {
    if (value == null) {
      throw invalid(field, "is required");
    }
  }

  static String text(String field, String value, int maxLength, boolean required) {
    if (required && value.isBlank()) {
      throw invalid(field, "must not be blank");
    }
    if (value.length() > maxLength) {
      throw invalid(field, "must be at most " + maxLength + " characters");
    }
    return value.strip();
  }
}
