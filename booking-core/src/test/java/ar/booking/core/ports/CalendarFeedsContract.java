package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.block;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.FeedEvent;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.FeedSyncState;
import ar.booking.core.calendarsync.ImportedEvent;
import ar.booking.core.calendarsync.SyncStatus;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.testing.StoreBundle;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CalendarFeeds} store guarantees: one feed per unit and URL, one held event per
 * feed and UID, writes that join the unit of work (and roll back with it), conflicts kept with both
 * sides, and {@link CalendarFeeds#lock} serialising syncs of one feed. Each test makes its own
 * unit, so a shared database is fine.
 */
public abstract class CalendarFeedsContract {

  protected abstract StoreBundle stores();

  protected abstract CalendarFeeds calendarFeeds();

  private StoreBundle s;
  private CalendarFeeds feeds;
  private Accommodation unit;

  @BeforeEach
  void setUp() {
    s = stores();
    feeds = calendarFeeds();
    unit = addCabin(s.accommodations(), "Cabaña " + UUID.randomUUID());
  }

  private static URI url(String name) {
    return URI.create("https://www.airbnb.com/calendar/ical/" + name + ".ics?s=abc");
  }

  private CalendarFeed addFeed(String name) {
    return ((CalendarFeeds.Added) feeds.add(unit.id(), FeedSource.AIRBNB, url(name), NOW)).feed();
  }

  /** An imported stay stored for real (the store may check that an event's stay exists). */
  private ReservationCode storedStay(String uid, String in, String out) {
    Reservation stay =
        Reservation.importedStay(
            ReservationCode.random(),
            unit.id(),
            period(in, out),
            Channel.AIRBNB,
            uid,
            "Reserved",
            NOW);
    return ((Reservations.Inserted) s.reservations().insert(stay, "system:ical"))
        .reservation()
        .code();
  }

  private static ImportedEvent event(String uid, String in, String out, ReservationCode stay) {
    return ImportedEvent.seen(FeedEvent.of(uid, in, out, "Reserved"), stay, NOW);
  }

  @Test
  void aFeedIsStoredOncePerUnitAndUrl() {
    CalendarFeed feed = addFeed("one");

    assertThat(feed.sync()).isEqualTo(FeedSyncState.NEVER);
    assertThat(feed.createdAt()).isEqualTo(NOW);
    assertThat(feeds.find(feed.id())).contains(feed);
    assertThat(feeds.add(unit.id(), FeedSource.BOOKING, url("one"), NOW))
        .isEqualTo(new CalendarFeeds.DuplicateUrl(unit.id(), url("one")));
    CalendarFeed other =
        ((CalendarFeeds.Added) feeds.add(unit.id(), FeedSource.VRBO, url("two"), NOW)).feed();
    assertThat(feeds.ofUnit(unit.id())).containsExactly(feed, other);
    assertThat(feeds.all()).contains(feed, other);
  }

  @Test
  void aFeedUrlMustBeHttp() {
    assertThatThrownBy(
            () -> feeds.add(unit.id(), FeedSource.AIRBNB, URI.create("file:/etc/x"), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSyncStateIsKept() {
    CalendarFeed feed = addFeed("sync");
    FeedSyncState ok =
        FeedSyncState.NEVER.succeeded(SyncStatus.OK, NOW, "\"etag-1\"", "Wed, 25 Nov 2026", 3);
    FeedSyncState failed = ok.failed(SyncStatus.FAILED, NOW.plusSeconds(60), "HTTP 500");

    assertThat(feeds.recordSync(feed.id(), ok)).isTrue();
    assertThat(feeds.find(feed.id()).orElseThrow().sync()).isEqualTo(ok);
    feeds.recordSync(feed.id(), failed);
    assertThat(feeds.find(feed.id()).orElseThrow().sync()).isEqualTo(failed);
    assertThat(failed.lastSuccessAt()).isEqualTo(NOW);
    assertThat(failed.etag()).isEqualTo("\"etag-1\"");
  }

  @Test
  void heldEventsAreOnePerUidAndCanBeReKeyed() {
    CalendarFeed feed = addFeed("events");
    ImportedEvent a = event("a@airbnb.com", "2026-12-10", "2026-12-13", null);
    ImportedEvent b =
        event(
            "b@airbnb.com",
            "2026-12-01",
            "2026-12-03",
            storedStay("b@airbnb.com", "2026-12-01", "2026-12-03"));

    assertThat(feeds.insertImported(feed.id(), a)).isEqualTo(new CalendarFeeds.Saved(a));
    feeds.insertImported(feed.id(), b);
    assertThat(feeds.insertImported(feed.id(), a))
        .isEqualTo(new CalendarFeeds.DuplicateUid(feed.id(), "a@airbnb.com"));
    assertThat(feeds.imported(feed.id())).containsExactly(b, a);

    ImportedEvent reKeyed = event("a2@airbnb.com", "2026-12-11", "2026-12-14", null).missed();
    assertThat(feeds.updateImported(feed.id(), "a@airbnb.com", reKeyed)).isTrue();
    assertThat(feeds.updateImported(feed.id(), "a@airbnb.com", reKeyed)).isFalse();
    assertThat(feeds.imported(feed.id())).containsExactly(b, reKeyed);

    assertThat(feeds.removeImported(feed.id(), "b@airbnb.com")).isTrue();
    assertThat(feeds.removeImported(feed.id(), "b@airbnb.com")).isFalse();
    assertThat(feeds.imported(feed.id())).containsExactly(reKeyed);
  }

  @Test
  void theSameUidInTwoFeedsIsTwoEvents() {
    CalendarFeed one = addFeed("uid-one");
    CalendarFeed two = addFeed("uid-two");
    ImportedEvent a = event("same@x", "2026-12-10", "2026-12-13", null);

    assertThat(feeds.insertImported(one.id(), a)).isInstanceOf(CalendarFeeds.Saved.class);
    assertThat(feeds.insertImported(two.id(), a)).isInstanceOf(CalendarFeeds.Saved.class);
  }

  @Test
  void writesRollBackWithTheirUnitOfWork() {
    CalendarFeed feed = addFeed("rollback");
    ImportedEvent kept = event("kept", "2026-12-10", "2026-12-13", null);
    feeds.insertImported(feed.id(), kept);

    assertThatThrownBy(
            () ->
                s.transactions()
                    .run(
                        () -> {
                          feeds.insertImported(
                              feed.id(), event("gone", "2026-12-20", "2026-12-22", null));
                          feeds.updateImported(feed.id(), "kept", kept.missed());
                          feeds.recordSync(
                              feed.id(),
                              FeedSyncState.NEVER.succeeded(SyncStatus.OK, NOW, null, null, 2));
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(feeds.imported(feed.id())).containsExactly(kept);
    assertThat(feeds.find(feed.id()).orElseThrow().sync()).isEqualTo(FeedSyncState.NEVER);
  }

  @Test
  void aConflictKeepsBothSidesUntilResolved() {
    CalendarFeed feed = addFeed("conflict");
    Reservation ours =
        ((Reservations.Inserted)
                s.reservations().insert(block(unit, period("2026-12-10", "2026-12-13")), "t"))
            .reservation();
    FeedEvent theirs = FeedEvent.of("c@airbnb.com", "2026-12-11", "2026-12-14", "Reserved");

    FeedConflict stored =
        feeds.addConflict(FeedConflict.detected(feed, theirs, List.of(ours.code()), NOW));

    assertThat(stored.id()).isPositive();
    assertThat(stored.ours()).containsExactly(ours.code());
    assertThat(stored.period()).isEqualTo(theirs.period());
    assertThat(stored.source()).isEqualTo(FeedSource.AIRBNB);
    assertThat(feeds.findConflict(stored.id())).contains(stored);
    assertThat(feeds.latestConflict(feed.id(), "c@airbnb.com")).contains(stored);
    assertThat(feeds.conflicts(Optional.of(unit.id()), true)).containsExactly(stored);

    assertThat(feeds.resolveConflict(stored.id(), "cancelled ours", NOW.plusSeconds(5))).isTrue();
    assertThat(feeds.resolveConflict(stored.id(), "again", NOW.plusSeconds(6))).isFalse();
    FeedConflict resolved = feeds.findConflict(stored.id()).orElseThrow();
    assertThat(resolved.resolution()).isEqualTo("cancelled ours");
    assertThat(resolved.resolvedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(feeds.conflicts(Optional.of(unit.id()), true)).isEmpty();
    assertThat(feeds.conflicts(Optional.of(unit.id()), false)).containsExactly(resolved);
    assertThat(feeds.latestConflict(feed.id(), "c@airbnb.com")).contains(resolved);
  }

  @Test
  void removingAFeedDropsItsEventsAndResolvesItsConflicts() {
    CalendarFeed feed = addFeed("removed");
    Reservation ours =
        ((Reservations.Inserted)
                s.reservations().insert(block(unit, period("2026-12-10", "2026-12-13")), "t"))
            .reservation();
    feeds.insertImported(feed.id(), event("r", "2026-12-10", "2026-12-13", null));
    FeedConflict open =
        feeds.addConflict(
            FeedConflict.detected(
                feed,
                FeedEvent.of("r", "2026-12-10", "2026-12-13", "Reserved"),
                List.of(ours.code()),
                NOW));

    assertThat(feeds.remove(feed.id(), NOW)).isTrue();
    assertThat(feeds.remove(feed.id(), NOW)).isFalse();

    assertThat(feeds.find(feed.id())).isEmpty();
    assertThat(feeds.imported(feed.id())).isEmpty();
    assertThat(feeds.findConflict(open.id()).orElseThrow().isOpen()).isFalse();
    assertThat(feeds.recordSync(feed.id(), FeedSyncState.NEVER)).isFalse();
    assertThat(feeds.lock(feed.id())).isEmpty();
  }

  @Test
  void anImportedStayAndItsEventShareTheUnitOfWork() {
    CalendarFeed feed = addFeed("stay");
    Reservation stay =
        Reservation.importedStay(
            ReservationCode.random(),
            unit.id(),
            period("2026-12-10", "2026-12-13"),
            Channel.AIRBNB,
            "s@airbnb.com",
            "Reserved",
            NOW);

    s.transactions()
        .run(
            () -> {
              s.reservations().insert(stay, "system:ical");
              feeds.insertImported(
                  feed.id(), event("s@airbnb.com", "2026-12-10", "2026-12-13", stay.code()));
            });

    assertThat(feeds.imported(feed.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.reservation()).isEqualTo(stay.code()));
    assertThat(s.reservations().find(stay.code())).isPresent();
  }

  @Test
  void aLockedFeedMakesAnotherSyncOfItWait() throws Exception {
    CalendarFeed feed = addFeed("lock");
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong secondGotItAt = new AtomicLong();
    AtomicLong firstLetGoAt = new AtomicLong();
    Thread first =
        Thread.ofPlatform()
            .start(
                () ->
                    s.transactions()
                        .run(
                            () -> {
                              feeds.lock(feed.id()).orElseThrow();
                              locked.countDown();
                              await(release);
                              firstLetGoAt.set(System.nanoTime());
                            }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second =
        Thread.ofPlatform()
            .start(
                () ->
                    s.transactions()
                        .run(
                            () -> {
                              feeds.lock(feed.id()).orElseThrow();
                              secondGotItAt.set(System.nanoTime());
                            }));
    Thread.sleep(300);
    assertThat(secondGotItAt.get()).as("the second sync waits").isZero();
    release.countDown();
    first.join(10_000);
    second.join(10_000);
    assertThat(secondGotItAt.get()).isGreaterThan(firstLetGoAt.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
