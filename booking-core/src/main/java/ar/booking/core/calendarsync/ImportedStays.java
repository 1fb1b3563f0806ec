package ar.booking.core.calendarsync;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.event.EventLog;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies a {@link FeedDiff.Plan} to our occupancy inside the caller's unit of work: imported stays
 * are written through {@link Reservations} (so the no-overlap rule and the domain events apply to
 * them as to any stay), what we hold of each event through {@link CalendarFeeds}. Nights before
 * today are never imported.
 */
final class ImportedStays {

  private static final int CODE_ATTEMPTS = 5;
  private static final int STALE_ATTEMPTS = 5;

  private final CalendarFeeds feeds;
  private final Reservations reservations;
  private final EventLog events;
  private final String actor;

  ImportedStays(CalendarFeeds feeds, Reservations reservations, EventLog events, String actor) {
    this.feeds = feeds;
    this.reservations = reservations;
    this.events = events;
    this.actor = actor;
  }

  /** Tallies of one application. */
  private static final class Tally {
    int added;
    int moved;
    int unchanged;
    int conflicts;
    int waiting;
  }

  SyncCalendar.Changes apply(CalendarFeed feed, FeedDiff.Plan plan, LocalDate today, Instant now) {
    Tally tally = new Tally();
    for (FeedEvent fetched : plan.added()) {
      FeedEvent event = fromToday(fetched, today);
      Optional<ReservationCode> stay = place(feed, event, now, tally);
      stay.ifPresent(code -> tally.added++);
      if (feeds.insertImported(feed.id(), ImportedEvent.seen(event, stay.orElse(null), now))
          instanceof CalendarFeeds.DuplicateUid duplicate) {
        throw new IllegalStateException(
            "feed " + feed.id() + " already holds " + duplicate.uid() + " (concurrent sync)");
      }
    }
    for (FeedDiff.Change change : plan.changed()) {
      FeedEvent event = fromToday(change.now(), today);
      Optional<ReservationCode> stay = follow(feed, change.held(), event, now, tally);
      if (change.periodChanged()) {
        tally.moved++;
      }
      feeds.updateImported(
          feed.id(), change.held().uid(), change.held().seenAgain(event, stay.orElse(null), now));
    }
    for (ImportedEvent held : plan.unchanged()) {
      if (held.stay().isPresent()) {
        tally.unchanged++;
        continue;
      }
      // Still waiting for its nights: try again, they may have been freed.
      FeedEvent event = new FeedEvent(held.uid(), held.period(), held.summary(), false);
      Optional<ReservationCode> stay = place(feed, event, now, tally);
      if (stay.isPresent()) {
        tally.added++;
        feeds.updateImported(feed.id(), held.uid(), held.seenAgain(event, stay.get(), now));
        resolveOpen(feed, held.uid(), "the nights were freed", now);
      }
    }
    for (ImportedEvent missed : plan.missed()) {
      feeds.updateImported(feed.id(), missed.uid(), missed);
    }
    for (FeedDiff.Release release : plan.released()) {
      ImportedEvent held = release.held();
      held.stay()
          .ifPresent(
              code ->
                  write(
                      code,
                      r ->
                          r.status() == ReservationStatus.BLOCKED
                              ? r.cancel(releaseNote(feed, release.reason()), now)
                              : null));
      feeds.removeImported(feed.id(), held.uid());
      resolveOpen(feed, held.uid(), "gone from the " + feed.source().label() + " feed", now);
    }
    for (ImportedEvent past : plan.forgotten()) {
      feeds.removeImported(feed.id(), past.uid());
      resolveOpen(feed, past.uid(), "ended", now);
    }
    return new SyncCalendar.Changes(
        tally.added,
        tally.moved,
        tally.unchanged,
        plan.missed().size(),
        plan.released().size(),
        tally.conflicts,
        tally.waiting,
        plan.ignoredPast(),
        plan.duplicates());
  }

  private static String releaseNote(CalendarFeed feed, FeedDiff.ReleaseReason reason) {
    return switch (reason) {
      case VANISHED -> "released: gone from the " + feed.source().label() + " feed";
      case CANCELLED -> "released: cancelled in the " + feed.source().label() + " feed";
    };
  }

  private static FeedEvent fromToday(FeedEvent event, LocalDate today) {
    return FeedDiff.clip(event.period(), today)
        .map(p -> new FeedEvent(event.uid(), p, event.summary(), event.cancelled()))
        .orElse(event);
  }

  /** The held event's stay follows the feed: written in place, or placed anew, or waiting. */
  private Optional<ReservationCode> follow(
      CalendarFeed feed, ImportedEvent held, FeedEvent event, Instant now, Tally tally) {
    Optional<Reservation> stay =
        held.stay()
            .flatMap(reservations::find)
            .filter(r -> r.status() == ReservationStatus.BLOCKED);
    if (stay.isEmpty()) {
      Optional<ReservationCode> placed = place(feed, event, now, tally);
      placed.ifPresent(code -> resolveOpen(feed, held.uid(), "the nights were freed", now));
      return placed;
    }
    Reservations.UpdateOutcome outcome =
        write(
            stay.get().code(),
            r -> r.reimported(event.period(), event.uid(), event.summary(), now));
    return switch (outcome) {
      case Reservations.Updated updated -> Optional.of(updated.reservation().code());
      case Reservations.Overlap overlap -> {
        // It moved onto nights someone else holds: it cannot be refused, so the old nights go
        // and the new ones are a conflict (or wait for another feed's stay to leave).
        write(stay.get().code(), r -> r.cancel("moved onto taken nights", now));
        blocked(feed, event, overlap.conflicts(), now, tally);
        yield Optional.empty();
      }
      case Reservations.NotFound notFound -> place(feed, event, now, tally);
      case Reservations.Stale stale -> throw new IllegalStateException("stale after retries");
    };
  }

  /** Stores the event as an imported stay, or records why its nights are not free. */
  private Optional<ReservationCode> place(
      CalendarFeed feed, FeedEvent event, Instant now, Tally tally) {
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      Reservation stay =
          Reservation.importedStay(
              ReservationCode.random(),
              feed.unit(),
              event.period(),
              feed.source().channel(),
              event.uid(),
              event.summary(),
              now);
      switch (reservations.insert(stay, actor)) {
        case Reservations.Inserted inserted -> {
          return Optional.of(inserted.reservation().code());
        }
        case Reservations.Overlap overlap -> {
          blocked(feed, event, overlap.conflicts(), now, tally);
          return Optional.empty();
        }
        case Reservations.DuplicateCode duplicate -> {
          // 40 random bits: a clash is rare; draw again.
        }
      }
    }
    throw new IllegalStateException("could not draw a free reservation code");
  }

  /**
   * The event's nights are held: by one of ours — a conflict, told to the owner once per event and
   * dates — or only by other feeds' stays, where it waits without an alert.
   */
  private void blocked(
      CalendarFeed feed, FeedEvent event, List<BusyPeriod> conflicts, Instant now, Tally tally) {
    tally.waiting++;
    List<ReservationCode> ours = SyncCalendar.ours(conflicts);
    if (ours.isEmpty()) {
      return;
    }
    Optional<FeedConflict> latest = feeds.latestConflict(feed.id(), event.uid());
    if (latest.isPresent() && latest.get().period().equals(event.period())) {
      return; // already told (and perhaps already resolved by the owner)
    }
    latest
        .filter(FeedConflict::isOpen)
        .ifPresent(open -> feeds.resolveConflict(open.id(), "the event moved", now));
    FeedConflict stored = feeds.addConflict(FeedConflict.detected(feed, event, ours, now));
    events.append(CalendarSyncEvents.conflict(stored, now));
    tally.conflicts++;
  }

  private void resolveOpen(CalendarFeed feed, String uid, String how, Instant now) {
    feeds
        .latestConflict(feed.id(), uid)
        .filter(FeedConflict::isOpen)
        .ifPresent(open -> feeds.resolveConflict(open.id(), how, now));
  }

  /** A compare-and-set write, decided again on fresh state when someone wrote first. */
  private Reservations.UpdateOutcome write(
      ReservationCode code, Function<Reservation, Reservation> change) {
    for (int attempt = 0; attempt < STALE_ATTEMPTS; attempt++) {
      Optional<Reservation> current = reservations.find(code);
      if (current.isEmpty()) {
        return new Reservations.NotFound(code);
      }
      Reservation next = change.apply(current.get());
      if (next == null) {
        return new Reservations.Updated(current.get());
      }
      Reservations.UpdateOutcome outcome = reservations.update(next, actor);
      if (!(outcome instanceof Reservations.Stale)) {
        return outcome;
      }
    }
    throw new IllegalStateException("reservation " + code + " kept changing under the sync");
  }
}
