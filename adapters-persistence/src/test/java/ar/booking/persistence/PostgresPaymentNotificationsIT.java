package ar.booking.persistence;

import ar.booking.core.payment.PaymentNotifications;
import ar.booking.core.ports.PaymentNotificationsContract;

class PostgresPaymentNotificationsIT extends PaymentNotificationsContract {

  @Override
  protected PaymentNotifications notifications() {
    return SharedStores.get().paymentNotifications();
  }
}
