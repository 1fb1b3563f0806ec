package ar.booking.core.memory;

import ar.booking.core.ports.MoneySafeWritesContract;
import ar.booking.core.testing.StoreBundle;

class InMemoryMoneySafeWritesTest extends MoneySafeWritesContract {
  private final InMemoryStores db = InMemoryStores.create();

  @Override
  protected StoreBundle stores() {
    return new StoreBundle(
        db.accommodations(),
        db.reservations(),
        db.transactions(),
        db.payments(),
        db.events(),
        db.jobSchedule());
  }
}
