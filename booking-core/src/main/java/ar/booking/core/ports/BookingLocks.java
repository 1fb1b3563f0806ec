package ar.booking.core.ports;

import ar.booking.core.shared.AccommodationId;
import java.time.Duration;
import java.util.Optional;

/**
 * Serialises booking attempts on one unit so that losers get a fast, clean answer. An optimisation
 * only: correctness rests on {@link Reservations}' no-overlap guarantee, so callers go on without
 * the lock when it cannot be had. Implementations never throw for backend trouble: they return
 * empty and report it through their own health.
 */
public interface BookingLocks {

  /**
   * Waits up to {@code wait} for the unit's lock. The lease expires on its own after a short
   * time-to-live so a crashed holder cannot block a unit for long.
   */
  Optional<Lease> tryAcquire(AccommodationId unit, Duration wait);

  /** A held lock; closing releases it if still ours (closing twice is harmless). */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }
}
