package ar.booking.app.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at real speed from a given start and that a test moves ahead at will, so the
 * app's jobs keep running while minutes or days of the stay's timeline pass in an instant.
 */
final class ShiftableClock extends Clock {

  private final Instant start;
  private final long startNanos = System.nanoTime();
  private volatile Duration shift = Duration.ZERO;

  ShiftableClock(Instant start) {
    this.start = start;
  }

  synchronized void advance(Duration by) {
    shift = shift.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC instants");
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos).plus(shift);
  }
}
