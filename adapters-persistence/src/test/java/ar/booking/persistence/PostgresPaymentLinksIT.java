package ar.booking.persistence;

import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.ports.PaymentLinksContract;
import ar.booking.core.testing.StoreBundle;

class PostgresPaymentLinksIT extends PaymentLinksContract {

  @Override
  protected StoreBundle stores() {
    return SharedStores.bundle();
  }

  @Override
  protected PaymentLinks links() {
    return SharedStores.get().paymentLinks();
  }
}
