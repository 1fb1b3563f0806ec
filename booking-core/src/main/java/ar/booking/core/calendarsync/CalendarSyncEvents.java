package ar.booking.core.calendarsync;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.reservation.ReservationCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The owner alerts calendar sync appends to the event log, one stream per feed. */
public final class CalendarSyncEvents {

  private CalendarSyncEvents() {}

  /** The stream of a feed's alerts. */
  public static String stream(FeedId feed) {
    return "calendar-feed:" + feed.value();
  }

  public static DomainEvent conflict(FeedConflict c, Instant at) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("conflict_id", Long.toString(c.id()));
    data.put("feed_id", Long.toString(c.feed().value()));
    data.put("accommodation_id", Long.toString(c.unit().value()));
    data.put("source", c.source().label());
    data.put("uid", c.uid());
    data.put("check_in", c.period().checkIn().toString());
    data.put("check_out", c.period().checkOut().toString());
    data.put(
        "our_codes",
        c.ours().stream().map(ReservationCode::value).collect(Collectors.joining(",")));
    return DomainEvent.of(EventType.ICAL_CONFLICT, stream(c.feed()), data, at);
  }

  public static DomainEvent feedFailed(CalendarFeed feed, FeedSyncState state, Instant at) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("feed_id", Long.toString(feed.id().value()));
    data.put("accommodation_id", Long.toString(feed.unit().value()));
    data.put("source", feed.source().label());
    data.put("status", state.status().name());
    data.put("reason", state.lastError() == null ? "" : state.lastError());
    data.put("consecutive_failures", Integer.toString(state.consecutiveFailures()));
    if (state.lastSuccessAt() != null) {
      data.put("last_success_at", state.lastSuccessAt().toString());
    }
    return DomainEvent.of(EventType.ICAL_FEED_FAILED, stream(feed.id()), data, at);
  }
}
