package ar.booking.core.memory;

import ar.booking.core.conversation.Conversations;
import ar.booking.core.ports.ConversationsContract;
import ar.booking.core.ports.Transactions;

class InMemoryConversationsTest extends ConversationsContract {
  private final InMemoryStores db = InMemoryStores.create();

  @Override
  protected Conversations conversations() {
    return db.conversations();
  }

  @Override
  protected Transactions transactions() {
    return db.transactions();
  }
}
