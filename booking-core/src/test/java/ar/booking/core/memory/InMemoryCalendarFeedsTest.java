package ar.booking.core.memory;

import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.ports.CalendarFeedsContract;
import ar.booking.core.testing.StoreBundle;

class InMemoryCalendarFeedsTest extends CalendarFeedsContract {
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
  protected CalendarFeeds calendarFeeds() {
    return db.calendarFeeds();
  }
}
