package ar.booking.persistence;

import ar.booking.persistence.testing.TestDatabases;

/** One migrated database shared by the contract tests of this JVM (they create their own data). */
final class SharedStores {

  private static PostgresStores stores;

  private SharedStores() {}

  static synchronized PostgresStores get() {
    if (stores == null) {
      stores = PostgresStores.start(TestDatabases.freshDatabase());
      Runtime.getRuntime().addShutdownHook(new Thread(stores::close, "shared-stores-close"));
    }
    return stores;
  }
}
