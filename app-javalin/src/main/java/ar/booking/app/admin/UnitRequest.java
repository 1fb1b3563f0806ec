package ar.booking.app.admin;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST} and {@code PUT /accommodations}: the unit with its pricing policy. On
 * {@code PUT} every field left out (or {@code null}) keeps its stored value. {@code id} and {@code
 * export_token_version} are accepted so a unit read with {@code GET} can be sent back edited; they
 * cannot be changed. {@code address} and {@code arrival_instructions} (sent to guests in the
 * confirmation and the day before check-in) are cleared with an empty string.
 */
record UnitRequest(
    Long id,
    String name,
    String type,
    Integer capacity,
    String description,
    List<String> amenities,
    String checkInTime,
    String checkOutTime,
    String timeZone,
    Boolean active,
    BigDecimal basePrice,
    String currency,
    List<String> weekendNights,
    BigDecimal weekendMultiplier,
    Integer minNights,
    BigDecimal cleaningFee,
    Integer depositPercentage,
    List<SeasonRequest> seasons,
    List<HolidayRequest> holidays,
    Integer exportTokenVersion,
    String address,
    String arrivalInstructions) {

  /** A season: nights {@code from} to {@code to}, both included, at {@code nightly_rate}. */
  record SeasonRequest(
      String name, String from, String to, BigDecimal nightlyRate, Integer minNights) {}

  /**
   * A holiday: at its own {@code rate}, or — with no rate — priced as a weekend night ({@code
   * priced_as_weekend} is accepted for symmetry with the response).
   */
  record HolidayRequest(String date, String name, BigDecimal rate, Boolean pricedAsWeekend) {}
}
