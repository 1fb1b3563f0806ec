package ar.booking.core.memory;

import ar.booking.core.messaging.Inbox;
import ar.booking.core.ports.InboxContract;

class InMemoryInboxTest extends InboxContract {
  private final InMemoryStores db = InMemoryStores.create();

  @Override
  protected Inbox inbox() {
    return db.inbox();
  }
}
