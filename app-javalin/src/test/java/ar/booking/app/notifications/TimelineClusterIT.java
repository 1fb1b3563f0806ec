package ar.booking.app.notifications;

import ar.booking.app.Adapters;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.testing.TestDatabases;
import java.util.List;

/**
 * The timeline across instances on PostgreSQL (job schedule, reservations, event log, timeline
 * steps, outbox).
 */
class TimelineClusterIT extends TimelineClusterContract {

  private PostgresStores postgres;

  @Override
  protected Shared shared() {
    postgres = PostgresStores.start(TestDatabases.freshDatabase());
    return new Shared(
        postgres.accommodations(),
        postgres.reservations(),
        postgres.events(),
        postgres.jobSchedule(),
        postgres.outbox());
  }

  @Override
  protected Adapters adapters() {
    return new Adapters(
        postgres.accommodations(),
        postgres.reservations(),
        postgres.transactions(),
        postgres.payments(),
        postgres.events(),
        postgres.jobSchedule(),
        postgres.calendarFeeds(),
        postgres.paymentLinks(),
        postgres.paymentNotifications(),
        accounts,
        new InProcessBookingLocks(),
        clock,
        List.of(),
        List.of(),
        List.of(),
        postgres.outbox(),
        postgres.inbox(),
        postgres.alertSettings(),
        postgres.timelineSteps(),
        postgres.conversations());
  }

  @Override
  protected void closeShared() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
