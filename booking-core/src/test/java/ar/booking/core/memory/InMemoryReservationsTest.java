package ar.booking.core.memory;

import ar.booking.core.ports.ReservationsContract;

class InMemoryReservationsTest extends ReservationsContract {
  private final InMemoryStores db = InMemoryStores.create();

  @Override
  protected Stores stores() {
    return new Stores(db.accommodations(), db.reservations(), db.transactions());
  }
}
