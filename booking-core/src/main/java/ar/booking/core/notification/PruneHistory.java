package ar.booking.core.notification;

import ar.booking.core.event.EventLog;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes what is older than the retention: handled inbox messages, sent and dead outbox messages,
 * fully delivered events and timeline marks. Pending work is never deleted.
 */
public final class PruneHistory {

  private final Inbox inbox;
  private final Outbox outbox;
  private final EventLog events;
  private final TimelineSteps steps;
  private final Duration retention;
  private final Clock clock;

  public PruneHistory(
      Inbox inbox,
      Outbox outbox,
      EventLog events,
      TimelineSteps steps,
      Duration retention,
      Clock clock) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.events = Objects.requireNonNull(events, "events");
    this.steps = Objects.requireNonNull(steps, "steps");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How many rows of each kind one run deleted. */
  public record Pruned(int inbox, int outbox, int events, int steps) {
    public int total() {
      return inbox + outbox + events + steps;
    }
  }

  public Pruned execute() {
    Instant before = clock.instant().minus(retention);
    return new Pruned(
        inbox.prune(before), outbox.prune(before), events.prune(before), steps.prune(before));
  }
}
