package ar.booking.core.testing;

import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every booking event, as "kind:code" or "kind:channel". */
public final class RecordingEvents implements BookingEvents {

  private final List<String> events = new CopyOnWriteArrayList<>();

  public List<String> events() {
    return List.copyOf(events);
  }

  public long count(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).count();
  }

  @Override
  public void overlapRejected(Channel channel) {
    events.add("overlap:" + channel);
  }

  @Override
  public void lockUnavailable() {
    events.add("lock-unavailable");
  }
}
