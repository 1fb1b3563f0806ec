package ar.booking.app.whatsapp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When this instance stored each recent guest message, by its id, so the dispatcher can time the
 * reply (key {@code reply:<message id>:…}). Bounded: the oldest entries are forgotten.
 */
final class ReceivedTimes {

  private static final int MAX = 20_000;

  private final Map<String, Instant> times =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > MAX;
        }
      };

  synchronized void put(String messageId, Instant at) {
    times.put(messageId, at);
  }

  /** When the message a reply key names was received here, if known. */
  synchronized Optional<Instant> ofReplyKey(String key) {
    if (!key.startsWith("reply:")) {
      return Optional.empty();
    }
    int end = key.indexOf(':', 6);
    String id = end < 0 ? key.substring(6) : key.substring(6, end);
    return Optional.ofNullable(times.get(id));
  }
}
