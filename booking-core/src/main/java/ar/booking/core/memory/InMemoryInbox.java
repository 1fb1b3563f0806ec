package ar.booking.core.memory;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.InboxStatus;
import ar.booking.core.messaging.StoredInbound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Inbox} kept in memory, with the claiming rules of the PostgreSQL adapter. */
final class InMemoryInbox implements Inbox {

  private final InMemoryStores db;
  private final Map<Long, StoredInbound> messages = new LinkedHashMap<>();
  private final Map<Long, Instant> dueAt = new HashMap<>();
  private final Set<String> ids = new HashSet<>();
  private long lastId;

  InMemoryInbox(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public boolean store(InboundMessage message, String rawPayload, Instant receivedAt) {
    long[] created = new long[1];
    return db.write(
        () -> {
          if (!ids.add(message.messageId())) {
            return false;
          }
          long id = ++lastId;
          created[0] = id;
          messages.put(
              id,
              new StoredInbound(id, message, InboxStatus.PENDING, 0, receivedAt, null, null, null));
          dueAt.put(id, receivedAt);
          return true;
        },
        () -> {
          if (created[0] != 0) {
            StoredInbound removed = messages.remove(created[0]);
            dueAt.remove(created[0]);
            ids.remove(removed.message().messageId());
          }
        });
  }

  @Override
  public List<StoredInbound> claim(Instant now, Instant leaseUntil, int limit) {
    return db.read(
        () -> {
          Set<String> seen = new HashSet<>();
          List<StoredInbound> claimed = new ArrayList<>();
          for (StoredInbound m : messages.values()) {
            if (m.status() != InboxStatus.PENDING || !seen.add(m.message().from())) {
              continue; // only the oldest unhandled message of each guest
            }
            if (dueAt.get(m.id()).isAfter(now) || claimed.size() >= limit) {
              continue;
            }
            dueAt.put(m.id(), leaseUntil);
            claimed.add(m);
          }
          return claimed;
        });
  }

  @Override
  public void processed(long id, String transcript, Instant at) {
    update(
        id,
        m ->
            new StoredInbound(
                m.id(),
                m.message(),
                InboxStatus.PROCESSED,
                m.attempts() + 1,
                m.receivedAt(),
                at,
                transcript,
                m.lastError()));
  }

  @Override
  public void retry(long id, String error, Instant retryAt) {
    db.read(
        () -> {
          dueAt.put(id, retryAt);
          return null;
        });
    update(
        id,
        m ->
            new StoredInbound(
                m.id(),
                m.message(),
                InboxStatus.PENDING,
                m.attempts() + 1,
                m.receivedAt(),
                null,
                m.transcript(),
                error));
  }

  @Override
  public void dead(long id, String error, Instant at) {
    update(
        id,
        m ->
            new StoredInbound(
                m.id(),
                m.message(),
                InboxStatus.DEAD,
                m.attempts() + 1,
                m.receivedAt(),
                at,
                m.transcript(),
                error));
  }

  @Override
  public Optional<StoredInbound> find(long id) {
    return db.read(() -> Optional.ofNullable(messages.get(id)));
  }

  @Override
  public List<StoredInbound> fromGuest(String from, int limit) {
    return db.read(
        () -> {
          List<StoredInbound> all =
              messages.values().stream().filter(m -> m.message().from().equals(from)).toList();
          return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        });
  }

  @Override
  public long count(InboxStatus status) {
    return db.read(() -> messages.values().stream().filter(m -> m.status() == status).count());
  }

  @Override
  public Optional<Instant> oldestPending() {
    return db.read(
        () ->
            messages.values().stream()
                .filter(m -> m.status() == InboxStatus.PENDING)
                .map(StoredInbound::receivedAt)
                .min(Comparator.naturalOrder()));
  }

  @Override
  public int prune(Instant before) {
    return db.read(
        () -> {
          List<StoredInbound> old =
              messages.values().stream()
                  .filter(m -> m.status() != InboxStatus.PENDING)
                  .filter(m -> m.receivedAt().isBefore(before))
                  .toList();
          old.forEach(
              m -> {
                messages.remove(m.id());
                dueAt.remove(m.id());
              });
          return old.size();
        });
  }

  private void update(long id, java.util.function.UnaryOperator<StoredInbound> change) {
    db.read(
        () -> {
          StoredInbound m = messages.get(id);
          if (m != null) {
            messages.put(id, change.apply(m));
          }
          return null;
        });
  }
}
