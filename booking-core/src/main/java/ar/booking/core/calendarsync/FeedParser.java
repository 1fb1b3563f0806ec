package ar.booking.core.calendarsync;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Reads an iCalendar feed into {@link FeedEvent}s, leniently (folded lines, LF-only files,
 * time-zoned date-times). Date-times become calendar days in {@code zone}, the unit's time zone.
 * Never throws for bad input: it answers {@link Unreadable}. Thread-safe.
 */
public interface FeedParser {

  ParseOutcome parse(byte[] body, ZoneId zone);

  /** What came of a parse. */
  sealed interface ParseOutcome permits Parsed, Unreadable {}

  /** Every event with usable dates, as written (duplicates and past events included). */
  record Parsed(List<FeedEvent> events, int skipped) implements ParseOutcome {
    public Parsed {
      events = List.copyOf(events);
    }
  }

  record Unreadable(String reason) implements ParseOutcome {
    public Unreadable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
