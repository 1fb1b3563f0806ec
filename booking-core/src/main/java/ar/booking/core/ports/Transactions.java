package ar.booking.core.ports;

import java.util.function.Supplier;

/**
 * Unit of work: everything the given work reads and writes through the storage ports commits
 * together, or — when it throws — rolls back together. A call inside another joins the outer unit.
 * Implementations are thread-safe; each thread has its own unit of work.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
