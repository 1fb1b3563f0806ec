package ar.booking.core.stay;

import java.time.LocalDate;
import java.util.Optional;

/** The rules every requested stay obeys whatever the unit: not in the past, not too long. */
public record StayRules(int maxNights) {

  public static final int DEFAULT_MAX_NIGHTS = 60;
  public static final StayRules DEFAULT = new StayRules(DEFAULT_MAX_NIGHTS);

  public StayRules {
    if (maxNights < 1) {
      throw new IllegalArgumentException("maxNights must be at least 1: " + maxNights);
    }
  }

  /** What is wrong with the period, judged against {@code today} in the lodging's time zone. */
  public Optional<Violation> check(StayPeriod period, LocalDate today) {
    if (period.checkIn().isBefore(today)) {
      return Optional.of(Violation.CHECK_IN_IN_PAST);
    }
    if (period.nights() > maxNights) {
      return Optional.of(Violation.STAY_TOO_LONG);
    }
    return Optional.empty();
  }

  /** A broken stay rule. */
  public enum Violation {
    CHECK_IN_IN_PAST,
    STAY_TOO_LONG
  }
}
