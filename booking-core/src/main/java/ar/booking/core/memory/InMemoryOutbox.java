package ar.booking.core.memory;

import ar.booking.core.messaging.DeliveryState;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Outbox} kept in an {@link InMemoryStores}: an enqueue inside a unit of work is undone when
 * it rolls back. A claim moves the message's next attempt to the end of the lease, as the
 * PostgreSQL adapter does.
 */
final class InMemoryOutbox implements Outbox {

  private final InMemoryStores db;
  private final Map<Long, QueuedMessage> messages = new LinkedHashMap<>();
  private final Map<String, Long> byKey = new LinkedHashMap<>();
  private long lastId;

  InMemoryOutbox(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public boolean enqueue(OutboundMessage message) {
    long[] created = new long[1];
    return db.write(
        () -> {
          if (byKey.containsKey(message.key())) {
            return false;
          }
          long id = ++lastId;
          created[0] = id;
          messages.put(
              id,
              new QueuedMessage(
                  id,
                  message,
                  OutboxStatus.PENDING,
                  0,
                  message.createdAt(),
                  null,
                  null,
                  null,
                  null,
                  null));
          byKey.put(message.key(), id);
          return true;
        },
        () -> {
          if (created[0] != 0) {
            QueuedMessage removed = messages.remove(created[0]);
            byKey.remove(removed.message().key());
          }
        });
  }

  @Override
  public List<QueuedMessage> claim(
      MessageChannel channel, Instant now, Instant leaseUntil, int limit) {
    return db.read(
        () -> {
          Set<String> seen = new HashSet<>();
          List<QueuedMessage> claimed = new ArrayList<>();
          for (QueuedMessage m : messages.values()) {
            if (m.status() != OutboxStatus.PENDING || m.message().channel() != channel) {
              continue;
            }
            if (!seen.add(m.message().recipient())) {
              continue; // only the oldest pending message of each recipient
            }
            if (m.nextAttemptAt().isAfter(now) || claimed.size() >= limit) {
              continue;
            }
            QueuedMessage leased =
                with(m, OutboxStatus.PENDING, m.attempts(), leaseUntil, m.lastError());
            messages.put(m.id(), leased);
            claimed.add(leased);
          }
          return claimed;
        });
  }

  @Override
  public void sent(long id, String providerMessageId, Instant at) {
    update(
        id,
        m ->
            new QueuedMessage(
                m.id(),
                m.message(),
                OutboxStatus.SENT,
                m.attempts() + 1,
                m.nextAttemptAt(),
                providerMessageId,
                m.delivery() == null ? DeliveryState.ACCEPTED : m.delivery(),
                m.deliveryAt() == null ? at : m.deliveryAt(),
                m.lastError(),
                at));
  }

  @Override
  public void retry(long id, String error, Instant retryAt) {
    update(id, m -> with(m, OutboxStatus.PENDING, m.attempts() + 1, retryAt, error));
  }

  @Override
  public void dead(long id, String error, Instant at) {
    update(id, m -> with(m, OutboxStatus.DEAD, m.attempts() + 1, at, error));
  }

  @Override
  public boolean resend(long id, Instant now) {
    return db.read(
        () -> {
          QueuedMessage m = messages.get(id);
          if (m == null || m.status() != OutboxStatus.DEAD) {
            return false;
          }
          messages.put(id, with(m, OutboxStatus.PENDING, 0, now, m.lastError()));
          return true;
        });
  }

  @Override
  public boolean recordDelivery(
      String providerMessageId, DeliveryState state, Instant at, String error) {
    return db.read(
        () -> {
          for (QueuedMessage m : messages.values()) {
            if (providerMessageId.equals(m.providerMessageId())) {
              if (m.delivery() != null && !m.delivery().mayBecome(state)) {
                return false;
              }
              messages.put(
                  m.id(),
                  new QueuedMessage(
                      m.id(),
                      m.message(),
                      m.status(),
                      m.attempts(),
                      m.nextAttemptAt(),
                      m.providerMessageId(),
                      state,
                      at,
                      error == null ? m.lastError() : error,
                      m.sentAt()));
              return true;
            }
          }
          return false;
        });
  }

  @Override
  public Optional<QueuedMessage> find(long id) {
    return db.read(() -> Optional.ofNullable(messages.get(id)));
  }

  @Override
  public List<QueuedMessage> toRecipient(String recipient, int limit) {
    return db.read(
        () -> {
          List<QueuedMessage> all =
              messages.values().stream()
                  .filter(m -> m.message().recipient().equals(recipient))
                  .toList();
          return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        });
  }

  @Override
  public List<QueuedMessage> inStatus(OutboxStatus status, int limit) {
    return db.read(
        () ->
            messages.values().stream()
                .filter(m -> m.status() == status)
                .sorted(Comparator.comparingLong(QueuedMessage::id).reversed())
                .limit(limit)
                .toList());
  }

  @Override
  public long count(OutboxStatus status) {
    return db.read(() -> messages.values().stream().filter(m -> m.status() == status).count());
  }

  @Override
  public Optional<Instant> oldestPending() {
    return db.read(
        () ->
            messages.values().stream()
                .filter(m -> m.status() == OutboxStatus.PENDING)
                .map(m -> m.message().createdAt())
                .min(Comparator.naturalOrder()));
  }

  @Override
  public int prune(Instant before) {
    return db.read(
        () -> {
          List<QueuedMessage> old =
              messages.values().stream()
                  .filter(m -> m.status() != OutboxStatus.PENDING)
                  .filter(m -> m.message().createdAt().isBefore(before))
                  .toList();
          old.forEach(
              m -> {
                messages.remove(m.id());
                byKey.remove(m.message().key());
              });
          return old.size();
        });
  }

  private void update(long id, java.util.function.UnaryOperator<QueuedMessage> change) {
    db.read(
        () -> {
          QueuedMessage m = messages.get(id);
          if (m != null) {
            messages.put(id, change.apply(m));
          }
          return null;
        });
  }

  private static QueuedMessage with(
      QueuedMessage m, OutboxStatus status, int attempts, Instant next, String error) {
    return new QueuedMessage(
        m.id(),
        m.message(),
        status,
        attempts,
        next,
        m.providerMessageId(),
        m.delivery(),
        m.deliveryAt(),
        error,
        m.sentAt());
  }
}
