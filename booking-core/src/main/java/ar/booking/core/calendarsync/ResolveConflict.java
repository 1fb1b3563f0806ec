package ar.booking.core.calendarsync;

import java.time.Clock;
import java.util.Objects;

/**
 * The owner marks a conflict resolved (they dealt with it outside, e.g. moved a guest). To free the
 * nights instead, the owner cancels our side; the next sync then places the imported stay and
 * resolves the conflict by itself.
 */
public final class ResolveConflict {

  private final CalendarFeeds feeds;
  private final Clock clock;

  public ResolveConflict(CalendarFeeds feeds, Clock clock) {
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public record Command(long conflictId, String note, String actor) {
    public Command {
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Resolved, AlreadyResolved, NotFound {}

  public record Resolved(FeedConflict conflict) implements Result {}

  public record AlreadyResolved(FeedConflict conflict) implements Result {}

  public record NotFound(long conflictId) implements Result {}

  public Result execute(Command command) {
    var found = feeds.findConflict(command.conflictId());
    if (found.isEmpty()) {
      return new NotFound(command.conflictId());
    }
    if (!found.get().isOpen()) {
      return new AlreadyResolved(found.get());
    }
    String how =
        "resolved by "
            + command.actor()
            + (command.note() == null || command.note().isBlank() ? "" : ": " + command.note());
    if (!feeds.resolveConflict(command.conflictId(), how, clock.instant())) {
      return new AlreadyResolved(feeds.findConflict(command.conflictId()).orElseThrow());
    }
    return new Resolved(feeds.findConflict(command.conflictId()).orElseThrow());
  }
}
