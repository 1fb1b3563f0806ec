package ar.booking.persistence;

import ar.booking.core.ports.EventLogContract;
import ar.booking.core.testing.StoreBundle;

class PostgresEventLogIT extends EventLogContract {

  @Override
  protected StoreBundle stores() {
    return SharedStores.bundle();
  }
}
