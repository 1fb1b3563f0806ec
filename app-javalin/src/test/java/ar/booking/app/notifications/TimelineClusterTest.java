package ar.booking.app.notifications;

import ar.booking.app.Adapters;
import ar.booking.core.memory.InMemoryStores;

/** The timeline across instances on the in-memory stores. */
class TimelineClusterTest extends TimelineClusterContract {

  private final InMemoryStores memory = InMemoryStores.create();

  @Override
  protected Shared shared() {
    return new Shared(
        memory.accommodations(),
        memory.reservations(),
        memory.events(),
        memory.jobSchedule(),
        memory.outbox());
  }

  @Override
  protected Adapters adapters() {
    return Adapters.inMemory(memory, accounts, clock);
  }
}
