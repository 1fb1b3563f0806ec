package ar.booking.core.calendarsync;

import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner stops importing a feed: in one unit of work its imported stays are released, its event
 * state dropped and its open conflicts resolved.
 */
public final class RemoveFeed {

  private static final int STALE_ATTEMPTS = 5;

  private final CalendarFeeds feeds;
  private final Reservations reservations;
  private final Transactions transactions;
  private final Clock clock;

  public RemoveFeed(
      CalendarFeeds feeds, Reservations reservations, Transactions transactions, Clock clock) {
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public record Command(FeedId feed, String actor) {
    public Command {
      Objects.requireNonNull(feed, "feed");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Removed, UnknownFeed {}

  /** Removed, with the number of imported stays released. */
  public record Removed(CalendarFeed feed, int released) implements Result {}

  public record UnknownFeed(FeedId feed) implements Result {}

  public Result execute(Command command) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          Optional<CalendarFeed> locked = feeds.lock(command.feed());
          if (locked.isEmpty()) {
            return new UnknownFeed(command.feed());
          }
          int released = 0;
          for (ImportedEvent held : feeds.imported(command.feed())) {
            for (ReservationCode stay : held.stays()) {
              if (release(stay, command.actor(), now)) {
                released++;
              }
            }
          }
          feeds.remove(command.feed(), now);
          return new Removed(locked.get(), released);
        });
  }

  private boolean release(ReservationCode code, String actor, Instant now) {
    for (int attempt = 0; attempt < STALE_ATTEMPTS; attempt++) {
      Optional<Reservation> stay = reservations.find(code);
      if (stay.isEmpty() || stay.get().status() != ReservationStatus.BLOCKED) {
        return false;
      }
      Reservations.UpdateOutcome outcome =
          reservations.update(stay.get().cancel("released: feed removed", now), actor);
      if (outcome instanceof Reservations.Updated) {
        return true;
      }
      if (!(outcome instanceof Reservations.Stale)) {
        return false;
      }
    }
    throw new IllegalStateException("reservation " + code + " kept changing");
  }
}
