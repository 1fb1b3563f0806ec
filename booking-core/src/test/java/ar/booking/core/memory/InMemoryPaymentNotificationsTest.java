package ar.booking.core.memory;

import ar.booking.core.payment.PaymentNotifications;
import ar.booking.core.ports.PaymentNotificationsContract;

class InMemoryPaymentNotificationsTest extends PaymentNotificationsContract {
  private final InMemoryStores db = InMemoryStores.create();

  @Override
  protected PaymentNotifications notifications() {
    return db.paymentNotifications();
  }
}
