package ar.booking.persistence;

import ar.booking.core.notification.AlertSettings;
import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.ports.NotificationStoresContract;
import ar.booking.core.ports.Transactions;

class PostgresNotificationStoresIT extends NotificationStoresContract {

  @Override
  protected AlertSettings alertSettings() {
    return SharedStores.get().alertSettings();
  }

  @Override
  protected TimelineSteps steps() {
    return SharedStores.get().timelineSteps();
  }

  @Override
  protected Transactions transactions() {
    return SharedStores.get().transactions();
  }
}
