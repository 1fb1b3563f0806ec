package ar.booking.core.stay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The nights of a stay as the half-open range {@code [checkIn, checkOut)}: the check-out day is not
 * a night, so back-to-back stays do not overlap.
 */
public record StayPeriod(LocalDate checkIn, LocalDate checkOut) {

  public StayPeriod {
    Objects.requireNonNull(checkIn, "checkIn");
    Objects.requireNonNull(checkOut, "checkOut");
    if (!checkOut.isAfter(checkIn)) {
      throw new IllegalArgumentException(
          "check-out must be after check-in: " + checkIn + " .. " + checkOut);
    }
  }

  public static StayPeriod of(LocalDate checkIn, int nights) {
    return new StayPeriod(checkIn, checkIn.plusDays(nights));
  }

  public static StayPeriod parse(String checkIn, String checkOut) {
    return new StayPeriod(LocalDate.parse(checkIn), LocalDate.parse(checkOut));
  }

  public int nights() {
    return Math.toIntExact(ChronoUnit.DAYS.between(checkIn, checkOut));
  }

  /** True when at least one night is shared. */
  public boolean overlaps(StayPeriod other) {
    return checkIn.isBefore(other.checkOut) && other.checkIn.isBefore(checkOut);
  }

  /** True when {@code date} is one of the nights (the check-out day is not). */
  public boolean containsNight(LocalDate date) {
    return !date.isBefore(checkIn) && date.isBefore(checkOut);
  }

  /** The dates of each night, in order. */
  public Stream<LocalDate> nightDates() {
    return checkIn.datesUntil(checkOut);
  }

  @Override
  public String toString() {
    return "[" + checkIn + ", " + checkOut + ")";
  }
}
