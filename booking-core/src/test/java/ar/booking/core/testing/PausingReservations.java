package ar.booking.core.testing;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real {@link Reservations} store that holds the first {@link #update} of one reservation by a
 * given actor just before it writes, until the test releases it — to interleave two use cases
 * deterministically (read, then someone else writes, then the stale write).
 */
public final class PausingReservations implements Reservations {

  private final Reservations delegate;
  private final String actorPrefix;
  private final ReservationCode code;
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean paused = new AtomicBoolean();

  /** Pauses the first update of {@code code} whose actor starts with {@code actorPrefix}. */
  public PausingReservations(Reservations delegate, String actorPrefix, ReservationCode code) {
    this.delegate = delegate;
    this.actorPrefix = actorPrefix;
    this.code = code;
  }

  /** Waits until the paused writer has read and is about to write. */
  public void awaitPaused() throws InterruptedException {
    if (!arrived.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the writer never reached its write");
    }
  }

  public void release() {
    release.countDown();
  }

  @Override
  public UpdateOutcome update(Reservation updated, String actor) {
    if (actor.startsWith(actorPrefix)
        && updated.code().equals(code)
        && paused.compareAndSet(false, true)) {
      arrived.countDown();
      try {
        if (!release.await(20, TimeUnit.SECONDS)) {
          throw new AssertionError("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return delegate.update(updated, actor);
  }

  @Override
  public InsertOutcome insert(Reservation reservation, String actor) {
    return delegate.insert(reservation, actor);
  }

  @Override
  public Optional<Reservation> find(ReservationCode code) {
    return delegate.find(code);
  }

  @Override
  public List<BusyPeriod> overlapping(AccommodationId unit, StayPeriod period) {
    return delegate.overlapping(unit, period);
  }

  @Override
  public List<BusyPeriod> busyBetween(
      Optional<AccommodationId> unit, LocalDate from, LocalDate to) {
    return delegate.busyBetween(unit, from, to);
  }

  @Override
  public List<Reservation> expiredHolds(Instant now, int limit) {
    return delegate.expiredHolds(now, limit);
  }

  @Override
  public Optional<Reservation> findImported(AccommodationId unit, String externalUid) {
    return delegate.findImported(unit, externalUid);
  }

  @Override
  public Page search(ReservationQuery query) {
    return delegate.search(query);
  }
}
