package ar.booking.core.memory;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Conversations} kept in an {@link InMemoryStores}: saves are compare-and-set. */
final class InMemoryConversations implements Conversations {

  private final InMemoryStores db;
  private final Map<String, Conversation> byGuest = new HashMap<>();

  InMemoryConversations(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public Optional<Conversation> find(String guestId) {
    return db.read(() -> Optional.ofNullable(byGuest.get(guestId)));
  }

  @Override
  public SaveOutcome save(Conversation conversation) {
    Conversation[] previous = new Conversation[1];
    boolean[] written = new boolean[1];
    return db.write(
        () -> {
          Conversation stored = byGuest.get(conversation.guestId());
          long storedVersion = stored == null ? 0 : stored.version();
          if (storedVersion != conversation.version()) {
            return new Stale(stored);
          }
          Conversation saved =
              new Conversation(
                  conversation.guestId(),
                  conversation.guestName(),
                  conversation.state(),
                  conversation.data(),
                  conversation.lastInboundAt(),
                  conversation.handoffUntil(),
                  conversation.updatedAt(),
                  storedVersion + 1);
          previous[0] = stored;
          written[0] = true;
          byGuest.put(saved.guestId(), saved);
          return new Saved(saved);
        },
        () -> {
          if (!written[0]) {
            return;
          }
          if (previous[0] == null) {
            byGuest.remove(conversation.guestId());
          } else {
            byGuest.put(conversation.guestId(), previous[0]);
          }
        });
  }

  @Override
  public List<Conversation> latest(int limit) {
    return db.read(
        () ->
            byGuest.values().stream()
                .sorted(Comparator.comparing(Conversation::updatedAt).reversed())
                .limit(limit)
                .toList());
  }
}
