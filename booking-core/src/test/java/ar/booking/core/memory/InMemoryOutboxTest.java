package ar.booking.core.memory;

import ar.booking.core.messaging.Outbox;
import ar.booking.core.ports.OutboxContract;
import ar.booking.core.ports.Transactions;

class InMemoryOutboxTest extends OutboxContract {
  private final InMemoryStores db = InMemoryStores.create();

  @Override
  protected Outbox outbox() {
    return db.outbox();
  }

  @Override
  protected Transactions transactions() {
    return db.transactions();
  }
}
