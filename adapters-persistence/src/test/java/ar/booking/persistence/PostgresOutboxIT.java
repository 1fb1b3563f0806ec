package ar.booking.persistence;

import ar.booking.core.messaging.Outbox;
import ar.booking.core.ports.OutboxContract;
import ar.booking.core.ports.Transactions;

class PostgresOutboxIT extends OutboxContract {

  @Override
  protected Outbox outbox() {
    return SharedStores.get().outbox();
  }

  @Override
  protected Transactions transactions() {
    return SharedStores.get().transactions();
  }
}
