package ar.booking.persistence;

import ar.booking.core.ports.StorageFailure;
import ar.booking.core.ports.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The unit of work: one JDBI handle per thread while a transaction is open, joined by every
 * repository call on that thread. Outside a unit of work each call uses its own connection.
 */
final class Database implements Transactions {

  private static final int DEADLOCK_ATTEMPTS = 5;

  private final Jdbi jdbi;
  private final ThreadLocal<Handle> current = new ThreadLocal<>();
  private final ThreadLocal<int[]> savepoints = ThreadLocal.withInitial(() -> new int[1]);
  private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
  private final AtomicLong unreadableRows = new AtomicLong();

  Database(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get(); // nested: join the outer unit of work
    }
    List<Runnable> committed = new ArrayList<>();
    T result;
    try {
      result =
          jdbi.inTransaction(
              handle -> {
                current.set(handle);
                afterCommit.set(committed);
                try {
                  return work.get();
                } finally {
                  current.remove();
                  afterCommit.remove();
                }
              });
    } catch (RuntimeException failure) {
      throw SqlFailures.translate(failure);
    }
    committed.forEach(Runnable::run);
    return result;
  }

  boolean inUnitOfWork() {
    return current.get() != null;
  }

  /** Runs {@code action} once the current unit of work commits (now, outside one). */
  void afterCommit(Runnable action) {
    List<Runnable> pending = afterCommit.get();
    if (pending == null) {
      action.run();
    } else {
      pending.add(action);
    }
  }

  /** Counts a row that could not be read back into a valid domain value (it was skipped). */
  void unreadableRow() {
    unreadableRows.incrementAndGet();
  }

  long unreadableRows() {
    return unreadableRows.get();
  }

  /**
   * Runs one statement that is atomic by itself: inside a unit of work under a SAVEPOINT (so a
   * refusal leaves the unit of work usable), outside one on its own auto-committed connection (one
   * round trip). A constraint violation comes out as {@link Refused}.
   */
  <T> T statement(HandleCallback<T, RuntimeException> callback) {
    if (current.get() != null) {
      return atomically(callback);
    }
    try {
      return jdbi.withHandle(callback);
    } catch (RuntimeException failure) {
      throw refusedOrTranslated(failure);
    }
  }

  /** Runs a read (or a single-statement write) on the unit of work's handle, or a pooled one. */
  <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
    Handle handle = current.get();
    try {
      return handle != null ? callback.withHandle(handle) : jdbi.withHandle(callback);
    } catch (RuntimeException failure) {
      throw SqlFailures.translate(failure);
    }
  }

  /**
   * Runs several statements all-or-nothing: under a SAVEPOINT inside a unit of work (so a refused
   * write leaves the caller's transaction usable), in a transaction of its own otherwise. A
   * constraint violation comes out as {@link Refused}; anything else as a storage failure.
   *
   * <p>Two transactions inserting conflicting rows at the same instant can deadlock on the
   * exclusion constraint (each waits for the other's uncommitted row); PostgreSQL then aborts one.
   * That write is rolled back and tried again, and the retry sees the winner's committed row.
   */
  <T> T atomically(HandleCallback<T, RuntimeException> callback) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(callback);
      } catch (StorageFailure failure) {
        String state = SqlFailures.sqlState(failure);
        boolean deadlock = "40P01".equals(state) || "40001".equals(state);
        if (!deadlock || attempt >= DEADLOCK_ATTEMPTS) {
          throw failure;
        }
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 2_000_000));
      }
    }
  }

  private <T> T once(HandleCallback<T, RuntimeException> callback) {
    Handle handle = current.get();
    if (handle == null) {
      try {
        return jdbi.inTransaction(callback);
      } catch (RuntimeException failure) {
        throw refusedOrTranslated(failure);
      }
    }
    String savepoint = "occupancy_" + (++savepoints.get()[0]);
    try {
      handle.savepoint(savepoint);
    } catch (RuntimeException failure) {
      throw SqlFailures.translate(failure);
    }
    try {
      // Not released: RELEASE would cost a round trip and frees nothing before COMMIT anyway.
      return callback.withHandle(handle);
    } catch (RuntimeException failure) {
      try {
        handle.rollbackToSavepoint(savepoint);
      } catch (RuntimeException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      throw refusedOrTranslated(failure);
    }
  }

  private static RuntimeException refusedOrTranslated(RuntimeException failure) {
    String state = SqlFailures.sqlState(failure);
    if (failure instanceof JdbiException && state != null && state.startsWith("23")) {
      return new Refused(state, SqlFailures.constraint(failure), failure);
    }
    return SqlFailures.translate(failure);
  }

  /**
   * A write refused by a constraint (SQLState class 23); the statement had no effect. Callers map
   * it by the constraint's name, never by its class alone: a new unique index must not pass for
   * another.
   */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;
    private final String constraint;

    Refused(String sqlState, String constraint, Throwable cause) {
      super("refused by constraint " + constraint + " [" + sqlState + "]", cause);
      this.sqlState = sqlState;
      this.constraint = constraint;
    }

    /** The exclusion constraint {@code name} refused an overlap. */
    boolean isOverlap(String name) {
      return SqlFailures.EXCLUSION_VIOLATION.equals(sqlState) && name.equals(constraint);
    }

    /** The unique constraint or index {@code name} refused a duplicate. */
    boolean isDuplicate(String name) {
      return SqlFailures.UNIQUE_VIOLATION.equals(sqlState) && name.equals(constraint);
    }

    String constraint() {
      return constraint;
    }

    /** This refusal as a failure nobody expected: a bug or bad data, not an outage. */
    StorageFailure unexpected(String what) {
      return new StorageFailure(
          "PostgreSQL refused " + what + " (constraint " + constraint + ", " + sqlState + ")",
          false,
          this);
    }
  }
}
