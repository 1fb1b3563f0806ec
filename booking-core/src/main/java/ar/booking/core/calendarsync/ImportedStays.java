package ar.booking.core.calendarsync;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.event.EventLog;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a {@link FeedDiff.Plan} to our occupancy inside the caller's unit of work: imported stays
 * are written through {@link Reservations} (so the no-overlap rule and the domain events apply to
 * them as to any stay), what we hold of each event through {@link CalendarFeeds}. Releases go
 * first, so what arrives may take the nights that left. Nights before today are never imported. An
 * event whose nights are partly held by others keeps its free stretches as partial stays, so they
 * are not sold here while it waits.
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

  /** How an event's nights are held: whole, or in free stretches while others hold the rest. */
  private record Holding(ReservationCode whole, List<ReservationCode> partials) {
    static Holding whole(ReservationCode code) {
      return new Holding(code, List.of());
    }
  }

  SyncCalendar.Changes apply(CalendarFeed feed, FeedDiff.Plan plan, LocalDate today, Instant now) {
    Tally tally = new Tally();
    for (FeedDiff.Release release : plan.released()) {
      ImportedEvent held = release.held();
      releaseAll(held.stays(), releaseNote(feed, release.reason()), now);
      feeds.removeImported(feed.id(), held.uid());
      resolveOpen(feed, held.uid(), "gone from the " + feed.source().label() + " feed", now);
    }
    for (ImportedEvent past : plan.forgotten()) {
      feeds.removeImported(feed.id(), past.uid());
      resolveOpen(feed, past.uid(), "ended", now);
    }
    for (ImportedEvent missed : plan.missed()) {
      feeds.updateImported(feed.id(), missed.uid(), missed);
    }
    for (FeedDiff.Change change : plan.changed()) {
      FeedEvent event = fromToday(change.now(), today);
      Holding holding = follow(feed, change.held(), event, now, tally);
      if (change.periodChanged()) {
        tally.moved++;
      }
      feeds.updateImported(
          feed.id(),
          change.held().uid(),
          change.held().seenAgain(event, holding.whole(), holding.partials(), now));
    }
    for (FeedEvent fetched : plan.added()) {
      FeedEvent event = fromToday(fetched, today);
      Holding holding = place(feed, event, now, tally);
      if (holding.whole() != null) {
        tally.added++;
      }
      if (feeds.insertImported(
              feed.id(), ImportedEvent.seen(event, holding.whole(), holding.partials(), now))
          instanceof CalendarFeeds.DuplicateUid duplicate) {
        throw new IllegalStateException(
            "feed " + feed.id() + " already holds " + duplicate.uid() + " (concurrent sync)");
      }
    }
    for (ImportedEvent held : plan.unchanged()) {
      if (held.stay().isPresent()) {
        tally.unchanged++;
        continue;
      }
      // Waiting for some of its nights: they may have been freed, or others taken.
      FeedEvent event = new FeedEvent(held.uid(), held.period(), held.summary(), false);
      Holding holding = settle(feed, event, held.partials(), now, tally);
      if (holding.whole() != null) {
        tally.added++;
        resolveOpen(feed, held.uid(), "the nights were freed", now);
      }
      if (!holding.equals(new Holding(null, held.partials()))) {
        feeds.updateImported(
            feed.id(), held.uid(), held.seenAgain(event, holding.whole(), holding.partials(), now));
      }
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
        plan.duplicates(),
        0);
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
  private Holding follow(
      CalendarFeed feed, ImportedEvent held, FeedEvent event, Instant now, Tally tally) {
    Optional<Reservation> stay =
        held.stay()
            .flatMap(reservations::find)
            .filter(r -> r.status() == ReservationStatus.BLOCKED);
    if (stay.isEmpty()) {
      Holding holding = settle(feed, event, held.partials(), now, tally);
      if (holding.whole() != null) {
        resolveOpen(feed, held.uid(), "the nights were freed", now);
      }
      return holding;
    }
    Reservations.UpdateOutcome outcome =
        write(
            stay.get().code(),
            r -> r.reimported(event.period(), event.uid(), event.summary(), now));
    return switch (outcome) {
      case Reservations.Updated updated -> Holding.whole(updated.reservation().code());
      case Reservations.Overlap overlap -> {
        // It moved onto nights someone else holds: it cannot be refused, so the old nights go,
        // the taken ones are a conflict (or wait for another feed's stay) and the rest is held.
        write(stay.get().code(), r -> r.cancel("moved onto taken nights", now));
        blocked(feed, event, overlap.conflicts(), now, tally);
        yield new Holding(null, cover(feed, event, overlap.conflicts(), now));
      }
      case Reservations.NotFound notFound -> place(feed, event, now, tally);
      case Reservations.Stale stale -> throw new IllegalStateException("stale after retries");
    };
  }

  /**
   * A waiting event, held in part by {@code partials}: placed whole when nobody else holds its
   * nights any more; otherwise its partial stays are kept when they still cover exactly the free
   * stretches (nothing written), or laid again.
   */
  private Holding settle(
      CalendarFeed feed,
      FeedEvent event,
      List<ReservationCode> partials,
      Instant now,
      Tally tally) {
    Set<ReservationCode> mine = new HashSet<>(partials);
    List<BusyPeriod> others =
        reservations.overlapping(feed.unit(), event.period()).stream()
            .filter(b -> !mine.contains(b.code()))
            .toList();
    if (others.isEmpty()) {
      releaseAll(partials, "the whole stay took its nights", now);
      return place(feed, event, now, tally);
    }
    blocked(feed, event, others, now, tally);
    List<StayPeriod> held = new ArrayList<>();
    for (ReservationCode code : partials) {
      reservations
          .find(code)
          .filter(r -> r.status() == ReservationStatus.BLOCKED)
          .ifPresent(r -> held.add(r.period()));
    }
    if (new HashSet<>(held).equals(new HashSet<>(free(event.period(), others)))
        && held.size() == partials.size()) {
      return new Holding(null, partials);
    }
    releaseAll(partials, "re-laid around taken nights", now);
    return new Holding(null, cover(feed, event, others, now));
  }

  /** Stores the event as one imported stay, or what of it is free while the rest is held. */
  private Holding place(CalendarFeed feed, FeedEvent event, Instant now, Tally tally) {
    return switch (insert(feed, event, event.period(), event.uid(), now)) {
      case Reservations.Inserted inserted -> Holding.whole(inserted.reservation().code());
      case Reservations.Overlap overlap -> {
        blocked(feed, event, overlap.conflicts(), now, tally);
        yield new Holding(null, cover(feed, event, overlap.conflicts(), now));
      }
      case Reservations.DuplicateCode duplicate ->
          throw new IllegalStateException("insert draws codes until one is free");
    };
  }

  /** Partial stays over the free stretches of the event, keyed {@code uid#check-in}. */
  private List<ReservationCode> cover(
      CalendarFeed feed, FeedEvent event, List<BusyPeriod> taken, Instant now) {
    List<ReservationCode> codes = new ArrayList<>();
    for (StayPeriod stretch : free(event.period(), taken)) {
      if (insert(feed, event, stretch, event.uid() + "#" + stretch.checkIn(), now)
          instanceof Reservations.Inserted inserted) {
        codes.add(inserted.reservation().code());
      }
      // Overlap: someone took the stretch a moment ago; the next sync lays it again.
    }
    return codes;
  }

  /** The nights of {@code period} none of {@code taken} holds, as contiguous stretches. */
  static List<StayPeriod> free(StayPeriod period, List<BusyPeriod> taken) {
    List<StayPeriod> stretches = new ArrayList<>();
    LocalDate start = null;
    for (LocalDate night = period.checkIn();
        night.isBefore(period.checkOut());
        night = night.plusDays(1)) {
      LocalDate n = night;
      boolean isTaken = taken.stream().anyMatch(b -> b.period().containsNight(n));
      if (!isTaken && start == null) {
        start = night;
      } else if (isTaken && start != null) {
        stretches.add(new StayPeriod(start, night));
        start = null;
      }
    }
    if (start != null) {
      stretches.add(new StayPeriod(start, period.checkOut()));
    }
    return stretches;
  }

  private Reservations.InsertOutcome insert(
      CalendarFeed feed, FeedEvent event, StayPeriod nights, String uid, Instant now) {
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      Reservations.InsertOutcome outcome =
          reservations.insert(
              Reservation.importedStay(
                  ReservationCode.random(),
                  feed.unit(),
                  nights,
                  feed.source().channel(),
                  uid,
                  event.summary(),
                  now),
              actor);
      if (!(outcome instanceof Reservations.DuplicateCode)) {
        return outcome; // a DuplicateCode (40 random bits) is rare: draw again
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

  private void releaseAll(List<ReservationCode> stays, String note, Instant now) {
    for (ReservationCode code : stays) {
      write(code, r -> r.status() == ReservationStatus.BLOCKED ? r.cancel(note, now) : null);
    }
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
