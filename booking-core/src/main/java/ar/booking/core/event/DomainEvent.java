package ar.booking.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something that happened, as stored in the {@link EventLog}.
 *
 * @param id the log's position; {@code 0} before it is stored. Increases with every append.
 * @param stream what the event is about (a reservation code, a payment); events of one stream are
 *     delivered in order
 * @param data plain text facts about it (codes, dates, amounts — never secrets)
 */
public record DomainEvent(
    long id, EventType type, String stream, Map<String, String> data, Instant occurredAt) {

  public DomainEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (stream.isBlank()) {
      throw new IllegalArgumentException("an event needs a stream");
    }
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative");
    }
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** A new event, not stored yet. */
  public static DomainEvent of(
      EventType type, String stream, Map<String, String> data, Instant occurredAt) {
    return new DomainEvent(0, type, stream, data, occurredAt);
  }

  /** This event as stored at position {@code storedId}. */
  public DomainEvent withId(long storedId) {
    return new DomainEvent(storedId, type, stream, data, occurredAt);
  }

  /** One fact, or {@code null}. */
  public String get(String key) {
    return data.get(key);
  }
}
