package ar.booking.persistence;

import ar.booking.persistence.testing.TestDatabases;

/** One migrated database shared by the contract tests of this JVM (they create their own data). */
final class SharedStores {

  private static PostgresStores stores;

  private SharedStores() {}

  /** Every storage port of the shared database. */
  static ar.booking.core.testing.StoreBundle bundle() {
    PostgresStores s = get();
    return new ar.booking.core.testing.StoreBundle(
        s.accommodations(),
        s.reservations(),
        s.transactions(),
        s.payments(),
        s.events(),
        s.jobSchedule());
  }

  static synchronized PostgresStores get() {
    if (stores == null) {
      stores = PostgresStores.start(TestDatabases.freshDatabase());
      Runtime.getRuntime().addShutdownHook(new Thread(stores::close, "shared-stores-close"));
    }
    return stores;
  }
}
