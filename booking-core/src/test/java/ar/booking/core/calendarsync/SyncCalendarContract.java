package ar.booking.core.calendarsync;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.testing.StoreBundle;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SyncCalendar} does, against every store: run by the in-memory stores and by
 * PostgreSQL, with a scripted network. Each test makes its own unit, so a shared database is fine.
 */
public abstract class SyncCalendarContract {

  protected abstract StoreBundle stores();

  protected abstract CalendarFeeds calendarFeeds();

  /** The ports a test reads, under the names the in-memory stores give them. */
  private record Ports(
      CalendarFeeds calendarFeeds,
      ar.booking.core.ports.Accommodations accommodations,
      Reservations reservations,
      ar.booking.core.ports.Transactions transactions,
      ar.booking.core.event.EventLog events) {}

  private final MutableClock clock = new MutableClock(NOW);
  private final ScriptedFeeds net = new ScriptedFeeds();
  private Ports db;
  private SyncCalendar sync;
  private Accommodation unit;
  private CalendarFeed feed;

  @BeforeEach
  void setUp() {
    StoreBundle s = stores();
    db =
        new Ports(
            calendarFeeds(), s.accommodations(), s.reservations(), s.transactions(), s.events());
    sync =
        new SyncCalendar(
            db.calendarFeeds(),
            db.accommodations(),
            db.reservations(),
            db.transactions(),
            new InProcessBookingLocks(),
            db.events(),
            net,
            net,
            clock,
            SyncSettings.DEFAULT);
    unit = addCabin(db.accommodations(), "Cabaña del Lago " + java.util.UUID.randomUUID());
    feed = addFeed(FeedSource.AIRBNB, "https://www.airbnb.com/calendar/ical/1.ics");
  }

  private CalendarFeed addFeed(FeedSource source, String url) {
    return ((CalendarFeeds.Added) db.calendarFeeds().add(unit.id(), source, URI.create(url), NOW))
        .feed();
  }

  private static FeedEvent stay(String uid, String in, String out) {
    return FeedEvent.of(uid, in, out, "Reserved");
  }

  private SyncCalendar.Outcome syncNow() {
    return sync.syncFeed(feed.id()).outcome();
  }

  private List<Reservation> imported() {
    return db
        .reservations()
        .search(ReservationQuery.all().withAccommodation(unit.id()))
        .items()
        .stream()
        .filter(r -> r.kind() == OccupancyKind.IMPORTED_STAY)
        .toList();
  }

  private Reservation importedAs(String uid) {
    return db.reservations().findImported(unit.id(), uid).orElseThrow();
  }

  private List<DomainEvent> alerts() {
    return db.events().stream(CalendarSyncEvents.stream(feed.id()));
  }

  @Test
  void newEventsBecomeImportedStaysOfTheFeedsChannel() {
    net.serve(
        stay("a@airbnb.com", "2026-12-10", "2026-12-13"),
        stay("b@airbnb.com", "2027-01-02", "2027-01-05"));

    SyncCalendar.Outcome outcome = syncNow();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class, a -> assertThat(a.changes().added()).isEqualTo(2));
    Reservation a = importedAs("a@airbnb.com");
    assertThat(a.status()).isEqualTo(ReservationStatus.BLOCKED);
    assertThat(a.channel()).isEqualTo(Channel.AIRBNB);
    assertThat(a.period()).isEqualTo(period("2026-12-10", "2026-12-13"));
    assertThat(db.events().stream(a.code().value()))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.STAY_IMPORTED);
    FeedSyncState state = db.calendarFeeds().find(feed.id()).orElseThrow().sync();
    assertThat(state.status()).isEqualTo(SyncStatus.OK);
    assertThat(state.lastSuccessAt()).isEqualTo(NOW);
    assertThat(state.eventCount()).isEqualTo(2);
    assertThat(state.etag()).isEqualTo("\"body-0\"");
  }

  @Test
  void theValidatorsOfTheLastFetchAreSentBack() {
    net.serve(stay("a", "2026-12-10", "2026-12-13"));
    syncNow();
    syncNow();

    assertThat(net.etagsSent).containsExactly(Optional.empty(), Optional.of("\"body-0\""));
  }

  @Test
  void theSameFeedAgainWritesNothing() {
    net.serve(stay("a", "2026-12-10", "2026-12-13"));
    syncNow();
    long version = importedAs("a").version();

    net.serve(stay("a", "2026-12-10", "2026-12-13"));
    SyncCalendar.Outcome again = syncNow();

    assertThat(again)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class, a -> assertThat(a.changes().unchanged()).isEqualTo(1));
    assertThat(importedAs("a").version()).isEqualTo(version);
  }

  @Test
  void aMovedEventMovesTheSameStay() {
    net.serve(stay("a", "2026-12-10", "2026-12-13"));
    syncNow();
    Reservation before = importedAs("a");

    net.serve(stay("a", "2026-12-11", "2026-12-15"));
    syncNow();

    Reservation after = importedAs("a");
    assertThat(after.code()).isEqualTo(before.code());
    assertThat(after.period()).isEqualTo(period("2026-12-11", "2026-12-15"));
    assertThat(imported()).hasSize(1);
  }

  @Test
  void anEventRecreatedUnderANewUidKeepsItsStay() {
    net.serve(stay("old@vrbo.com", "2026-12-10", "2026-12-13"));
    syncNow();
    Reservation before = importedAs("old@vrbo.com");

    net.serve(stay("new@vrbo.com", "2026-12-10", "2026-12-13"));
    syncNow();

    assertThat(importedAs("new@vrbo.com").code()).isEqualTo(before.code());
    assertThat(imported()).singleElement().satisfies(r -> assertThat(r.occupiesNights()).isTrue());
  }

  @Test
  void aVanishedEventIsReleasedAtTheSecondMissedFetch() {
    FeedEvent a = stay("a", "2026-12-10", "2026-12-13");
    FeedEvent b = stay("b", "2026-12-20", "2026-12-23");
    FeedEvent c = stay("c", "2027-01-10", "2027-01-13");
    net.serve(a, b, c);
    syncNow();

    net.serve(a, b);
    syncNow();
    assertThat(importedAs("c").status()).isEqualTo(ReservationStatus.BLOCKED);

    net.serve(a, b);
    SyncCalendar.Outcome second = syncNow();
    assertThat(second)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class, x -> assertThat(x.changes().released()).isEqualTo(1));
    assertThat(importedAs("c").status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(db.calendarFeeds().imported(feed.id()))
        .extracting(ImportedEvent::uid)
        .containsExactly("a", "b");
  }

  @Test
  void aNotModifiedAnswerStillCountsTheMissOfTheLastBody() {
    FeedEvent a = stay("a", "2026-12-10", "2026-12-13");
    FeedEvent b = stay("b", "2026-12-20", "2026-12-23");
    net.serve(a, b);
    syncNow();
    net.serve(a);
    syncNow();

    net.notModified();
    SyncCalendar.Outcome outcome = syncNow();

    assertThat(outcome).isInstanceOf(SyncCalendar.NotModified.class);
    assertThat(importedAs("b").status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(importedAs("a").status()).isEqualTo(ReservationStatus.BLOCKED);
    assertThat(db.calendarFeeds().find(feed.id()).orElseThrow().sync().status())
        .isEqualTo(SyncStatus.NOT_MODIFIED);
  }

  @Test
  void aCancelledEventIsReleasedAtOnce() {
    net.serve(stay("a", "2026-12-10", "2026-12-13"), stay("b", "2026-12-20", "2026-12-23"));
    syncNow();

    net.serve(
        new FeedEvent("a", period("2026-12-10", "2026-12-13"), "Reserved", true),
        stay("b", "2026-12-20", "2026-12-23"));
    syncNow();

    assertThat(importedAs("a").status()).isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void aStayOverlappingOneOfOursIsAConflictToldOnce() {
    Reservation ours =
        ((Reservations.Inserted)
                db.reservations().insert(hold(unit, period("2026-12-10", "2026-12-13")), "guest"))
            .reservation();
    net.serve(stay("clash@airbnb.com", "2026-12-12", "2026-12-15"));

    SyncCalendar.Outcome outcome = syncNow();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class, a -> assertThat(a.changes().conflicts()).isEqualTo(1));
    assertThat(db.reservations().findImported(unit.id(), "clash@airbnb.com")).isEmpty();
    FeedConflict conflict = db.calendarFeeds().conflicts(Optional.of(unit.id()), true).getFirst();
    assertThat(conflict.ours()).containsExactly(ours.code());
    assertThat(conflict.period()).isEqualTo(period("2026-12-12", "2026-12-15"));
    assertThat(conflict.uid()).isEqualTo("clash@airbnb.com");
    assertThat(db.calendarFeeds().imported(feed.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.reservation()).isNull());
    assertThat(alerts())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.ICAL_CONFLICT);
              assertThat(e.data())
                  .containsEntry("our_codes", ours.code().value())
                  .containsEntry("check_in", "2026-12-12")
                  .containsEntry("source", "airbnb");
            });

    net.serve(stay("clash@airbnb.com", "2026-12-12", "2026-12-15"));
    syncNow();
    assertThat(alerts()).hasSize(1);
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), false)).hasSize(1);
  }

  @Test
  void whenOurSideGoesTheWaitingStayTakesItsNightsAndTheConflictResolves() {
    Reservation ours =
        ((Reservations.Inserted)
                db.reservations().insert(hold(unit, period("2026-12-10", "2026-12-13")), "guest"))
            .reservation();
    net.serve(stay("clash", "2026-12-12", "2026-12-15"));
    syncNow();
    db.reservations().update(ours.cancel("owner cancelled ours", NOW), "owner");

    net.serve(stay("clash", "2026-12-12", "2026-12-15"));
    syncNow();

    assertThat(importedAs("clash").status()).isEqualTo(ReservationStatus.BLOCKED);
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), true)).isEmpty();
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), false))
        .singleElement()
        .satisfies(c -> assertThat(c.resolution()).isEqualTo("the nights were freed"));
  }

  @Test
  void aStayThatMovesOntoOurNightsFreesItsOldNightsAndBecomesAConflict() {
    net.serve(stay("m", "2026-12-01", "2026-12-04"));
    syncNow();
    Reservation before = importedAs("m");
    Reservation ours =
        ((Reservations.Inserted)
                db.reservations().insert(hold(unit, period("2026-12-10", "2026-12-13")), "guest"))
            .reservation();

    net.serve(stay("m", "2026-12-11", "2026-12-14"));
    syncNow();

    assertThat(db.reservations().find(before.code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.CANCELLED);
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), true))
        .singleElement()
        .satisfies(c -> assertThat(c.ours()).containsExactly(ours.code()));
    assertThat(db.calendarFeeds().imported(feed.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reservation()).isNull();
              assertThat(e.period()).isEqualTo(period("2026-12-11", "2026-12-14"));
            });
  }

  @Test
  void theFreeNightsOfAClashingStayAreHeldWhileItWaitsAndGiveWayToTheWholeStayLater() {
    Reservation ours =
        ((Reservations.Inserted)
                db.reservations().insert(hold(unit, period("2026-12-10", "2026-12-13")), "guest"))
            .reservation();
    net.serve(stay("x@airbnb.com", "2026-12-08", "2026-12-15"));
    syncNow();

    ImportedEvent waiting = db.calendarFeeds().imported(feed.id()).getFirst();
    assertThat(waiting.reservation()).isNull();
    assertThat(waiting.partials()).hasSize(2);
    assertThat(waiting.partials())
        .map(code -> db.reservations().find(code).orElseThrow())
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReservationStatus.BLOCKED))
        .extracting(Reservation::period)
        .containsExactlyInAnyOrder(
            period("2026-12-08", "2026-12-10"), period("2026-12-13", "2026-12-15"));
    List<Reservation> before = imported();

    net.serve(stay("x@airbnb.com", "2026-12-08", "2026-12-15"));
    syncNow();
    assertThat(imported()).as("an unchanged clash writes nothing").isEqualTo(before);

    db.reservations().update(ours.cancel("owner cancelled ours", NOW), "owner");
    net.serve(stay("x@airbnb.com", "2026-12-08", "2026-12-15"));
    syncNow();

    assertThat(importedAs("x@airbnb.com").period()).isEqualTo(period("2026-12-08", "2026-12-15"));
    assertThat(waiting.partials())
        .allSatisfy(
            code ->
                assertThat(db.reservations().find(code).orElseThrow().status())
                    .isEqualTo(ReservationStatus.CANCELLED));
    assertThat(db.calendarFeeds().imported(feed.id()).getFirst().partials()).isEmpty();
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), true)).isEmpty();
  }

  @Test
  void whenOurSideShrinksThePartialStaysAreLaidAgainAroundIt() {
    Reservation ours =
        ((Reservations.Inserted)
                db.reservations().insert(hold(unit, period("2026-12-10", "2026-12-12")), "guest"))
            .reservation();
    net.serve(stay("x", "2026-12-08", "2026-12-15"));
    syncNow();
    assertThat(db.calendarFeeds().imported(feed.id()).getFirst().partials()).hasSize(2);

    db.reservations().update(ours.cancel("changed plans", NOW), "guest");
    db.reservations().insert(hold(unit, period("2026-12-10", "2026-12-11")), "guest");
    net.serve(stay("x", "2026-12-08", "2026-12-15"));
    syncNow();

    assertThat(db.calendarFeeds().imported(feed.id()).getFirst().partials())
        .map(code -> db.reservations().find(code).orElseThrow().period())
        .containsExactlyInAnyOrder(
            period("2026-12-08", "2026-12-10"), period("2026-12-11", "2026-12-15"));
  }

  @Test
  void aStayOnNightsAnotherFeedHoldsWaitsWithoutAnAlert() {
    net.serve(stay("airbnb-1", "2026-12-10", "2026-12-13"));
    syncNow();
    CalendarFeed booking = addFeed(FeedSource.BOOKING, "https://admin.booking.com/ical/1.ics");
    net.serve(stay("booking-1", "2026-12-10", "2026-12-13"));

    SyncCalendar.Outcome outcome = sync.syncFeed(booking.id()).outcome();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class,
            a -> {
              assertThat(a.changes().waiting()).isEqualTo(1);
              assertThat(a.changes().conflicts()).isZero();
            });
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), false)).isEmpty();
    assertThat(db.calendarFeeds().imported(booking.id())).hasSize(1);
  }

  @Test
  void aFailedFetchChangesNothingAndAlertsOnceAStreak() {
    net.serve(stay("a", "2026-12-10", "2026-12-13"));
    syncNow();

    net.fail("HTTP 500 from www.airbnb.com");
    clock.advance(Duration.ofMinutes(5));
    assertThat(syncNow()).isEqualTo(new SyncCalendar.Failed("HTTP 500 from www.airbnb.com"));
    clock.advance(Duration.ofMinutes(5));
    syncNow();

    assertThat(importedAs("a").status()).isEqualTo(ReservationStatus.BLOCKED);
    FeedSyncState state = db.calendarFeeds().find(feed.id()).orElseThrow().sync();
    assertThat(state.status()).isEqualTo(SyncStatus.FAILED);
    assertThat(state.consecutiveFailures()).isEqualTo(2);
    assertThat(state.lastSuccessAt()).isEqualTo(NOW);
    assertThat(state.lastError()).isEqualTo("HTTP 500 from www.airbnb.com");
    assertThat(alerts())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.ICAL_FEED_FAILED);
              assertThat(e.data()).containsEntry("status", "FAILED");
            });
  }

  @Test
  void anUnreadableFeedIsAFailure() {
    net.serveGarbage();

    assertThat(syncNow()).isInstanceOf(SyncCalendar.Failed.class);
    assertThat(alerts()).extracting(DomainEvent::type).containsExactly(EventType.ICAL_FEED_FAILED);
  }

  @Test
  void anEmptyFeedAfterANonEmptyOneChangesNothingUnlessTheOwnerAcceptsIt() {
    net.serve(stay("a", "2026-12-10", "2026-12-13"), stay("b", "2026-12-20", "2026-12-23"));
    syncNow();

    net.serve();
    assertThat(syncNow()).isInstanceOf(SyncCalendar.Suspicious.class);
    net.serve();
    syncNow();
    net.serve();
    syncNow();

    assertThat(importedAs("a").status()).isEqualTo(ReservationStatus.BLOCKED);
    assertThat(db.calendarFeeds().find(feed.id()).orElseThrow().sync().status())
        .isEqualTo(SyncStatus.SUSPICIOUS);
    assertThat(alerts())
        .singleElement()
        .satisfies(e -> assertThat(e.data()).containsEntry("status", "SUSPICIOUS"));

    net.serve();
    sync.execute(new SyncCalendar.Command(feed.id(), true));
    net.serve();
    sync.execute(new SyncCalendar.Command(feed.id(), true));
    assertThat(importedAs("a").status()).isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void aFeedThatShrankByMoreThanHalfChangesNothing() {
    net.serve(
        stay("a", "2026-12-10", "2026-12-13"),
        stay("b", "2026-12-20", "2026-12-23"),
        stay("c", "2027-01-10", "2027-01-13"));
    syncNow();

    net.serve(stay("a", "2026-12-10", "2026-12-13"));

    assertThat(syncNow()).isInstanceOf(SyncCalendar.Suspicious.class);
    assertThat(db.calendarFeeds().imported(feed.id()))
        .allSatisfy(e -> assertThat(e.misses()).isZero());
  }

  @Test
  void pastNightsAreNeverImported() {
    net.serve(
        stay("ongoing", "2026-11-20", "2026-11-28"), stay("past", "2026-11-01", "2026-11-05"));

    syncNow();

    assertThat(importedAs("ongoing").period()).isEqualTo(period("2026-11-25", "2026-11-28"));
    assertThat(db.reservations().findImported(unit.id(), "past")).isEmpty();
  }

  @Test
  void aWindowFollowingTodayIsNotRewrittenAsDaysPass() {
    net.serve(FeedEvent.of("w", "2026-11-25", "2026-11-28", "Airbnb (Not available)"));
    syncNow();
    long version = importedAs("w").version();

    clock.advance(Duration.ofDays(1));
    net.serve(FeedEvent.of("w", "2026-11-26", "2026-11-28", "Airbnb (Not available)"));
    syncNow();

    assertThat(importedAs("w").version()).isEqualTo(version);
  }

  @Test
  void aRollingWindowReKeyedDailyStaysOneStayUpdatedOncePerDay() {
    java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 25);
    Reservation first = null;
    for (int day = 0; day < 5; day++) {
      java.time.LocalDate d = today.plusDays(day);
      net.serve(
          FeedEvent.of(
              "horizon-" + d + "@airbnb.com",
              d.plusDays(365).toString(),
              d.plusDays(730).toString(),
              "Airbnb (Not available)"));
      syncNow();
      Reservation now = importedAs("horizon-" + d + "@airbnb.com");
      first = first == null ? now : first;
      assertThat(now.code()).isEqualTo(first.code());
      assertThat(now.period().checkIn()).isEqualTo(d.plusDays(365));
      clock.advance(Duration.ofDays(1));
    }

    assertThat(imported()).hasSize(1);
    assertThat(db.events().stream(first.code().value()))
        .extracting(DomainEvent::type)
        .containsExactly(
            EventType.STAY_IMPORTED,
            EventType.RESERVATION_UPDATED,
            EventType.RESERVATION_UPDATED,
            EventType.RESERVATION_UPDATED,
            EventType.RESERVATION_UPDATED);
    assertThat(alerts()).isEmpty();
  }

  @Test
  void twoInstancesSyncingOneFeedAtOnceImportEachEventOnce() throws Exception {
    FeedEvent[] events = {
      stay("a", "2026-12-10", "2026-12-13"),
      stay("b", "2026-12-20", "2026-12-23"),
      stay("c", "2027-01-10", "2027-01-13")
    };
    ScriptedFeeds otherNet = new ScriptedFeeds();
    SyncCalendar other =
        new SyncCalendar(
            db.calendarFeeds(),
            db.accommodations(),
            db.reservations(),
            db.transactions(),
            new InProcessBookingLocks(),
            db.events(),
            otherNet,
            otherNet,
            clock,
            SyncSettings.DEFAULT);
    net.serve(events);
    otherNet.serve(events);
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var one =
          pool.submit(
              () -> {
                start.await();
                return sync.syncFeed(feed.id()).outcome();
              });
      var two =
          pool.submit(
              () -> {
                start.await();
                return other.syncFeed(feed.id()).outcome();
              });

      assertThat(one.get(30, java.util.concurrent.TimeUnit.SECONDS))
          .isInstanceOf(SyncCalendar.Applied.class);
      assertThat(two.get(30, java.util.concurrent.TimeUnit.SECONDS))
          .isInstanceOf(SyncCalendar.Applied.class);
    } finally {
      pool.shutdownNow();
    }
    assertThat(imported()).hasSize(3).allSatisfy(r -> assertThat(r.occupiesNights()).isTrue());
    assertThat(db.calendarFeeds().imported(feed.id()))
        .extracting(ImportedEvent::uid)
        .containsExactly("a", "b", "c");
  }

  @Test
  void aCrashingFeedNeverStopsTheOthersAndFailsTheJobRun() {
    CalendarFeed second = addFeed(FeedSource.VRBO, "https://www.vrbo.com/icalendar/2.ics");
    net.explode();

    List<SyncCalendar.FeedSynced> done = sync.syncUnit(unit.id());

    assertThat(done)
        .extracting(SyncCalendar.FeedSynced::feed)
        .containsExactly(feed.id(), second.id());
    assertThat(done)
        .allSatisfy(d -> assertThat(d.outcome()).isInstanceOf(SyncCalendar.Crashed.class));
    var job = sync.job(Duration.ofSeconds(300));
    assertThat(job.name()).isEqualTo("sync_ical_feeds");
    assertThat(job.interval()).isEqualTo(Duration.ofSeconds(300));
    assertThat(job.lease()).isEqualTo(Duration.ofMinutes(15));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.work().run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("crashed");

    net.serve(stay("a", "2026-12-10", "2026-12-13"));
    assertThat(sync.syncUnit(unit.id()))
        .allSatisfy(d -> assertThat(d.outcome()).isInstanceOf(SyncCalendar.Applied.class));
  }

  @Test
  void refreshIfStaleFetchesOnlyFeedsOlderThanTheLimit() {
    net.serve(stay("a", "2026-12-10", "2026-12-13"));
    sync.refreshIfStale(unit.id(), Duration.ofMinutes(10));
    assertThat(net.fetches).as("never synced: stale").isEqualTo(1);

    clock.advance(Duration.ofMinutes(5));
    assertThat(sync.refreshIfStale(unit.id(), Duration.ofMinutes(10))).isEmpty();
    clock.advance(Duration.ofMinutes(6));
    assertThat(sync.refreshIfStale(unit.id(), Duration.ofMinutes(10))).hasSize(1);
    assertThat(net.fetches).isEqualTo(2);
  }

  @Test
  void syncAllVisitsEveryFeedAndAnUnknownFeedIsSaid() {
    addFeed(FeedSource.VRBO, "https://www.vrbo.com/icalendar/1.ics");
    net.serve(stay("a", "2026-12-10", "2026-12-13"));

    assertThat(sync.syncAll())
        .filteredOn(done -> done.synced().map(f -> f.unit().equals(unit.id())).orElse(false))
        .hasSize(2);
    assertThat(sync.syncUnit(unit.id())).hasSize(2);
    assertThat(sync.syncFeed(new FeedId(999_999_999)).outcome())
        .isEqualTo(new SyncCalendar.UnknownFeed(new FeedId(999_999_999)));
  }
}
