package ar.booking.core.calendarsync;

import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.util.List;
import java.util.Objects;

/**
 * What a unit's exported calendar says: its busy periods, nothing about who takes them.
 *
 * @param version changes exactly when the events change (an {@code ETag}); the stamp written in the
 *     file is not part of it
 */
public record CalendarExport(
    AccommodationId unit, String calendarName, List<Event> events, String version) {

  public CalendarExport {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(calendarName, "calendarName");
    Objects.requireNonNull(version, "version");
    events = List.copyOf(events);
  }

  /** One busy period, with a UID that stays the same for the life of its occupancy. */
  public record Event(String uid, StayPeriod period, String summary) {
    public Event {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(summary, "summary");
    }
  }
}
