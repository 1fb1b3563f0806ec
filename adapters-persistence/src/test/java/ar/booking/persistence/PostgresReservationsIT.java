package ar.booking.persistence;

import ar.booking.core.ports.ReservationsContract;

class PostgresReservationsIT extends ReservationsContract {

  @Override
  protected Stores stores() {
    PostgresStores stores = SharedStores.get();
    return new Stores(stores.accommodations(), stores.reservations(), stores.transactions());
  }
}
