package ar.booking.persistence;

import ar.booking.core.ports.MoneySafeWritesContract;
import ar.booking.core.testing.StoreBundle;

class PostgresMoneySafeWritesIT extends MoneySafeWritesContract {

  @Override
  protected StoreBundle stores() {
    return SharedStores.bundle();
  }
}
