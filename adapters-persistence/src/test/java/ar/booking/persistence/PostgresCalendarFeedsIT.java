package ar.booking.persistence;

import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.ports.CalendarFeedsContract;
import ar.booking.core.testing.StoreBundle;

class PostgresCalendarFeedsIT extends CalendarFeedsContract {

  @Override
  protected StoreBundle stores() {
    return SharedStores.bundle();
  }

  @Override
  protected CalendarFeeds calendarFeeds() {
    return SharedStores.get().calendarFeeds();
  }
}
