package ar.booking.app.notifications;

import ar.booking.app.Adapters;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.testing.TestDatabases;
import java.util.List;

/**
 * The timeline across instances on PostgreSQL (job schedule, reservations, event log, timeline
 * steps). The outbox is shared in memory until the PostgreSQL outbox lands with the WhatsApp
 * channel.
 */
class TimelineClusterIT extends TimelineClusterContract {

  private PostgresStores postgres;
  private final InMemoryStores messages = InMemoryStores.create();

  @Override
  protected Shared shared() {
    postgres = PostgresStores.start(TestDatabases.freshDatabase());
    return new Shared(
        postgres.accommodations(),
        postgres.reservations(),
        postgres.events(),
        postgres.jobSchedule(),
        messages.outbox());
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
        accounts,
        new InProcessBookingLocks(),
        clock,
        List.of(),
        List.of(),
        List.of(),
        messages.outbox(),
        messages.inbox(),
        postgres.alertSettings(),
        postgres.timelineSteps());
  }

  @Override
  protected void closeShared() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
