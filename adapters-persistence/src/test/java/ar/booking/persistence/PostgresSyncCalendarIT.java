package ar.booking.persistence;

import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.SyncCalendarContract;
import ar.booking.core.testing.StoreBundle;

class PostgresSyncCalendarIT extends SyncCalendarContract {

  @Override
  protected StoreBundle stores() {
    return SharedStores.bundle();
  }

  @Override
  protected CalendarFeeds calendarFeeds() {
    return SharedStores.get().calendarFeeds();
  }
}
