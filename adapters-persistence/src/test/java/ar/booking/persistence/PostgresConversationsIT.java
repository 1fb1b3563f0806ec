package ar.booking.persistence;

import ar.booking.core.conversation.Conversations;
import ar.booking.core.ports.ConversationsContract;
import ar.booking.core.ports.Transactions;

class PostgresConversationsIT extends ConversationsContract {

  @Override
  protected Conversations conversations() {
    return SharedStores.get().conversations();
  }

  @Override
  protected Transactions transactions() {
    return SharedStores.get().transactions();
  }
}
