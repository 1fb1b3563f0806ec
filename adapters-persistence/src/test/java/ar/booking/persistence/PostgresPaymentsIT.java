package ar.booking.persistence;

import ar.booking.core.ports.PaymentsContract;
import ar.booking.core.testing.StoreBundle;

class PostgresPaymentsIT extends PaymentsContract {

  @Override
  protected StoreBundle stores() {
    return SharedStores.bundle();
  }
}
