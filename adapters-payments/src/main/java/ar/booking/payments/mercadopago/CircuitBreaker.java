package ar.booking.payments.mercadopago;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small circuit breaker: after {@code threshold} consecutive failures it refuses calls for {@code
 * open}, then lets one through (half open); a success closes it again. Thread-safe.
 */
final class CircuitBreaker {

  private final int threshold;
  private final Duration open;
  private final Clock clock;
  private int failures;
  private Instant openUntil = Instant.MIN;

  CircuitBreaker(int threshold, Duration open, Clock clock) {
    this.threshold = threshold;
    this.open = open;
    this.clock = clock;
  }

  /** Whether a call may go out now; when half open, only the first caller gets through. */
  synchronized boolean allows() {
    Instant now = clock.instant();
    if (failures < threshold) {
      return true;
    }
    if (now.isBefore(openUntil)) {
      return false;
    }
    openUntil = now.plus(open); // half open: this call probes, the others wait for its outcome
    return true;
  }

  synchronized void succeeded() {
    failures = 0;
    openUntil = Instant.MIN;
  }

  synchronized void failed() {
    failures++;
    if (failures >= threshold) {
      openUntil = clock.instant().plus(open);
    }
  }

  synchronized boolean isOpen() {
    return failures >= threshold && clock.instant().isBefore(openUntil);
  }
}
