package ar.booking.core.memory;

import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.reservation.ReservationCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link TimelineSteps} kept in an {@link InMemoryStores}; a mark is undone on rollback. */
final class InMemoryTimelineSteps implements TimelineSteps {

  private final InMemoryStores db;
  private final Map<String, Instant> marks = new LinkedHashMap<>();

  InMemoryTimelineSteps(InMemoryStores db) {
    this.db = db;
  }

  private static String key(ReservationCode code, String step) {
    return code.value() + "/" + step;
  }

  @Override
  public boolean mark(ReservationCode code, String step, Instant at) {
    String key = key(code, step);
    boolean[] added = new boolean[1];
    return db.write(
        () -> {
          added[0] = marks.putIfAbsent(key, at) == null;
          return added[0];
        },
        () -> {
          if (added[0]) {
            marks.remove(key);
          }
        });
  }

  @Override
  public boolean done(ReservationCode code, String step) {
    return db.read(() -> marks.containsKey(key(code, step)));
  }

  @Override
  public int prune(Instant before) {
    return db.read(
        () -> {
          int size = marks.size();
          marks.values().removeIf(at -> at.isBefore(before));
          return size - marks.size();
        });
  }
}
