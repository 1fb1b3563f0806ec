package ar.booking.core.memory;

import ar.booking.core.event.Delivery;
import ar.booking.core.event.DeliveryStatus;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link EventLog} kept in an {@link InMemoryStores}. An event appended in a unit of work is
 * numbered and gets its deliveries when the unit of work commits, so ids follow commit order.
 */
final class InMemoryEventLog implements EventLog {

  private final InMemoryStores db;
  private final List<DomainEvent> events = new ArrayList<>();
  private final Set<String> subscribers = new LinkedHashSet<>();
  private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
  private long lastId;

  InMemoryEventLog(InMemoryStores db) {
    this.db = db;
  }

  private static String key(long eventId, String subscriber) {
    return eventId + "/" + subscriber;
  }

  @Override
  public void append(DomainEvent event) {
    db.onCommit(
        () -> {
          DomainEvent stored = event.withId(++lastId);
          events.add(stored);
          for (String subscriber : subscribers) {
            deliveries.put(
                key(stored.id(), subscriber),
                new Delivery(
                    stored, subscriber, DeliveryStatus.PENDING, 0, stored.occurredAt(), null));
          }
        });
  }

  @Override
  public void register(String subscriber) {
    db.read(() -> subscribers.add(subscriber));
  }

  @Override
  public List<Delivery> claim(String subscriber, Instant now, Instant leaseUntil, int limit) {
    return db.read(
        () -> {
          Set<String> streamsSeen = new HashSet<>();
          List<Delivery> claimed = new ArrayList<>();
          for (Delivery d : deliveries.values()) { // in event order
            if (!d.subscriber().equals(subscriber) || d.status() != DeliveryStatus.PENDING) {
              continue;
            }
            if (!streamsSeen.add(d.event().stream())) {
              continue; // an older event of this stream is still undelivered
            }
            if (d.nextAttemptAt().isAfter(now) || claimed.size() >= limit) {
              continue;
            }
            Delivery leased =
                new Delivery(
                    d.event(), subscriber, d.status(), d.attempts(), leaseUntil, d.lastError());
            deliveries.put(key(d.event().id(), subscriber), leased);
            claimed.add(leased);
          }
          return claimed;
        });
  }

  @Override
  public void delivered(long eventId, String subscriber, Instant at) {
    update(eventId, subscriber, d -> with(d, DeliveryStatus.DELIVERED, d.attempts(), at, null));
  }

  @Override
  public void failed(long eventId, String subscriber, String error, Instant retryAt) {
    update(
        eventId,
        subscriber,
        d -> with(d, DeliveryStatus.PENDING, d.attempts() + 1, retryAt, error));
  }

  @Override
  public void dead(long eventId, String subscriber, String error, Instant at) {
    update(eventId, subscriber, d -> with(d, DeliveryStatus.DEAD, d.attempts() + 1, at, error));
  }

  @Override
  public boolean retry(long eventId, String subscriber, Instant now) {
    return db.read(
        () -> {
          Delivery d = deliveries.get(key(eventId, subscriber));
          if (d == null || d.status() != DeliveryStatus.DEAD) {
            return false;
          }
          deliveries.put(
              key(eventId, subscriber), with(d, DeliveryStatus.PENDING, 0, now, d.lastError()));
          return true;
        });
  }

  @Override
  public List<Delivery> deliveries(DeliveryStatus status, int limit) {
    return db.read(
        () ->
            deliveries.values().stream()
                .filter(d -> d.status() == status)
                .sorted(
                    Comparator.comparingLong((Delivery d) -> d.event().id())
                        .reversed()
                        .thenComparing(Delivery::subscriber))
                .limit(limit)
                .toList());
  }

  @Override
  public long count(DeliveryStatus status) {
    return db.read(() -> deliveries.values().stream().filter(d -> d.status() == status).count());
  }

  @Override
  public List<DomainEvent> stream(String stream) {
    return db.read(() -> events.stream().filter(e -> e.stream().equals(stream)).toList());
  }

  private void update(
      long eventId, String subscriber, java.util.function.UnaryOperator<Delivery> change) {
    db.read(
        () -> {
          Delivery d = deliveries.get(key(eventId, subscriber));
          if (d == null) {
            throw new IllegalArgumentException(
                "no delivery of event " + eventId + " to " + subscriber);
          }
          deliveries.put(key(eventId, subscriber), change.apply(d));
          return null;
        });
  }

  private static Delivery with(
      Delivery d, DeliveryStatus status, int attempts, Instant next, String error) {
    return new Delivery(d.event(), d.subscriber(), status, attempts, next, error);
  }

  @Override
  public int prune(Instant before) {
    return db.read(
        () -> {
          List<DomainEvent> old = new ArrayList<>();
          for (DomainEvent event : events) {
            if (!event.occurredAt().isBefore(before)) {
              continue;
            }
            boolean open =
                deliveries.values().stream()
                    .anyMatch(
                        d ->
                            d.event().id() == event.id() && d.status() != DeliveryStatus.DELIVERED);
            if (!open) {
              old.add(event);
            }
          }
          for (DomainEvent event : old) {
            events.remove(event);
            deliveries.values().removeIf(d -> d.event().id() == event.id());
          }
          return old.size();
        });
  }
}
