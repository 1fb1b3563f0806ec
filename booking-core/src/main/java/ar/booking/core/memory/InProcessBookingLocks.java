package ar.booking.core.memory;

import ar.booking.core.ports.BookingLocks;
import ar.booking.core.shared.AccommodationId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link BookingLocks} for one process: a fair semaphore per unit. */
public final class InProcessBookingLocks implements BookingLocks {

  private final ConcurrentHashMap<AccommodationId, Semaphore> locks = new ConcurrentHashMap<>();

  @Override
  public Optional<Lease> tryAcquire(AccommodationId unit, Duration wait) {
    Semaphore semaphore = locks.computeIfAbsent(unit, id -> new Semaphore(1, true));
    try {
      if (!semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    AtomicBoolean held = new AtomicBoolean(true);
    return Optional.of(
        () -> {
          if (held.compareAndSet(true, false)) {
            semaphore.release();
          }
        });
  }
}
