package ar.booking.persistence;

import ar.booking.core.messaging.Inbox;
import ar.booking.core.ports.InboxContract;

class PostgresInboxIT extends InboxContract {

  @Override
  protected Inbox inbox() {
    return SharedStores.get().inbox();
  }
}
