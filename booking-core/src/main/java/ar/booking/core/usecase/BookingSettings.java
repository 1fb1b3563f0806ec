package ar.booking.core.usecase;

import ar.booking.core.stay.StayRules;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the booking rules.
 *
 * @param holdTtl how long an unpaid hold keeps its nights (default 30 minutes)
 * @param stayRules maximum stay length and the no-past-check-in rule
 * @param lockWait how long a booking attempt waits for the unit lock before going on without it
 */
public record BookingSettings(Duration holdTtl, StayRules stayRules, Duration lockWait) {

  public static final BookingSettings DEFAULT =
      new BookingSettings(Duration.ofMinutes(30), StayRules.DEFAULT, Duration.ofSeconds(2));

  public BookingSettings {
    Objects.requireNonNull(holdTtl, "holdTtl");
    Objects.requireNonNull(stayRules, "stayRules");
    Objects.requireNonNull(lockWait, "lockWait");
    if (holdTtl.isNegative() || holdTtl.isZero()) {
      throw new IllegalArgumentException("hold time-to-live must be positive");
    }
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("lock wait must not be negative");
    }
  }

  public BookingSettings withHoldTtl(Duration ttl) {
    return new BookingSettings(ttl, stayRules, lockWait);
  }
}
