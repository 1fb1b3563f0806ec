package ar.booking.core.memory;

import ar.booking.core.notification.AlertSettings;
import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.ports.NotificationStoresContract;
import ar.booking.core.ports.Transactions;

class InMemoryNotificationStoresTest extends NotificationStoresContract {

  private final InMemoryStores stores = InMemoryStores.create();

  @Override
  protected AlertSettings alertSettings() {
    return stores.alertSettings();
  }

  @Override
  protected TimelineSteps steps() {
    return stores.timelineSteps();
  }

  @Override
  protected Transactions transactions() {
    return stores.transactions();
  }
}
