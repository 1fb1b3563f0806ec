package ar.booking.persistence;

import ar.booking.core.ports.StorageFailure;
import ar.booking.core.ports.Transactions;
import java.util.concurrent.ThreadLocalRandom;
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

  Database(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get(); // nested: join the outer unit of work
    }
    try {
      return jdbi.inTransaction(
          handle -> {
            current.set(handle);
            try {
              return work.get();
            } finally {
              current.remove();
            }
          });
    } catch (RuntimeException failure) {
      throw SqlFailures.translate(failure);
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
      return new Refused(state, failure);
    }
    return SqlFailures.translate(failure);
  }

  /** A write refused by a constraint (SQLState class 23); the statement had no effect. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    Refused(String sqlState, Throwable cause) {
      super("refused by a constraint [" + sqlState + "]", cause);
      this.sqlState = sqlState;
    }

    boolean isOverlap() {
      return SqlFailures.EXCLUSION_VIOLATION.equals(sqlState);
    }

    boolean isDuplicate() {
      return SqlFailures.UNIQUE_VIOLATION.equals(sqlState);
    }
  }
}
