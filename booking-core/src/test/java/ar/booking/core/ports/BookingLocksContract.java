package ar.booking.core.ports;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.shared.AccommodationId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link BookingLocks} implementation guarantees while its backend is up. */
public abstract class BookingLocksContract {

  protected abstract BookingLocks locks();

  private static AccommodationId someUnit() {
    return new AccommodationId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
  }

  @Test
  void aHeldLockIsNotGivenTwice() {
    BookingLocks locks = locks();
    AccommodationId unit = someUnit();
    try (BookingLocks.Lease lease = locks.tryAcquire(unit, Duration.ZERO).orElseThrow()) {
      assertThat(locks.tryAcquire(unit, Duration.ofMillis(50))).isEmpty();
    }
  }

  @Test
  void aReleasedLockCanBeTakenAgain() {
    BookingLocks locks = locks();
    AccommodationId unit = someUnit();
    locks.tryAcquire(unit, Duration.ZERO).orElseThrow().close();
    Optional<BookingLocks.Lease> again = locks.tryAcquire(unit, Duration.ZERO);
    assertThat(again).isPresent();
    again.get().close();
  }

  @Test
  void locksOfDifferentUnitsAreIndependent() {
    BookingLocks locks = locks();
    try (BookingLocks.Lease a = locks.tryAcquire(someUnit(), Duration.ZERO).orElseThrow();
        BookingLocks.Lease b = locks.tryAcquire(someUnit(), Duration.ZERO).orElseThrow()) {
      assertThat(a).isNotSameAs(b);
    }
  }

  @Test
  void closingTwiceDoesNotReleaseSomeoneElsesLock() {
    BookingLocks locks = locks();
    AccommodationId unit = someUnit();
    BookingLocks.Lease first = locks.tryAcquire(unit, Duration.ZERO).orElseThrow();
    first.close();
    BookingLocks.Lease second = locks.tryAcquire(unit, Duration.ZERO).orElseThrow();
    first.close();
    assertThat(locks.tryAcquire(unit, Duration.ZERO)).isEmpty();
    second.close();
  }

  @Test
  void aWaiterGetsTheLockWhenTheHolderReleasesIt() throws Exception {
    BookingLocks locks = locks();
    AccommodationId unit = someUnit();
    BookingLocks.Lease held = locks.tryAcquire(unit, Duration.ZERO).orElseThrow();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    var waiter = pool.submit(() -> locks.tryAcquire(unit, Duration.ofSeconds(5)));
    Thread.sleep(100);
    held.close();
    Optional<BookingLocks.Lease> got = waiter.get(5, TimeUnit.SECONDS);
    assertThat(got).isPresent();
    got.get().close();
    pool.shutdown();
  }

  @Test
  void contendersHoldTheLockOneAtATime() throws Exception {
    BookingLocks locks = locks();
    AccommodationId unit = someUnit();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger acquired = new AtomicInteger();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(
          () -> {
            try {
              start.await();
              Optional<BookingLocks.Lease> lease = locks.tryAcquire(unit, Duration.ofSeconds(10));
              if (lease.isPresent()) {
                acquired.incrementAndGet();
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(5);
                inside.decrementAndGet();
                lease.get().close();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              done.countDown();
            }
            return null;
          });
    }
    start.countDown();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(acquired.get()).isEqualTo(threads);
    assertThat(maxInside.get()).isEqualTo(1);
  }
}
