package ar.booking.core.memory;

import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.ports.PaymentLinksContract;
import ar.booking.core.testing.StoreBundle;

class InMemoryPaymentLinksTest extends PaymentLinksContract {
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

  @Override
  protected PaymentLinks links() {
    return db.paymentLinks();
  }
}
