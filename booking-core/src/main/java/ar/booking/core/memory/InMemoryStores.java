package ar.booking.core.memory;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An in-process database for the storage ports, with the semantics of the PostgreSQL adapters:
 * units of work are atomic (an exception undoes every write) and isolated (they run one at a time),
 * and the no-overlap rule is checked atomically on every write. Meant for embedding, demos and
 * tests — it keeps nothing on disk.
 */
public final class InMemoryStores {

  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<Deque<Runnable>> undoLog = new ThreadLocal<>();
  final Map<AccommodationId, Accommodation> units =
      new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
  final Map<ReservationCode, Reservation> reservations = new LinkedHashMap<>();
  long lastUnitId;

  private final InMemoryAccommodations accommodationsPort = new InMemoryAccommodations(this);
  private final InMemoryReservations reservationsPort = new InMemoryReservations(this);
  private final Transactions transactionsPort = this::inTransaction;

  public static InMemoryStores create() {
    return new InMemoryStores();
  }

  public Accommodations accommodations() {
    return accommodationsPort;
  }

  public Reservations reservations() {
    return reservationsPort;
  }

  public Transactions transactions() {
    return transactionsPort;
  }

  <T> T read(Supplier<T> query) {
    lock.lock();
    try {
      return query.get();
    } finally {
      lock.unlock();
    }
  }

  /** Applies a write; inside a unit of work its undo is remembered for a rollback. */
  <T> T write(Supplier<T> apply, Runnable undo) {
    lock.lock();
    try {
      T result = apply.get();
      Deque<Runnable> log = undoLog.get();
      if (log != null) {
        log.push(undo);
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  private <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    boolean outermost = undoLog.get() == null;
    if (outermost) {
      undoLog.set(new ArrayDeque<>());
    }
    try {
      return work.get();
    } catch (RuntimeException | Error failure) {
      if (outermost) {
        undoLog.get().forEach(Runnable::run); // newest first
      }
      throw failure;
    } finally {
      if (outermost) {
        undoLog.remove();
      }
      lock.unlock();
    }
  }
}
