package ar.booking.core.calendarsync;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owner's side: adding and removing feeds, resolving conflicts, rotating the export URL. */
class FeedAdministrationTest {

  private final InMemoryStores db = InMemoryStores.create();
  private final MutableClock clock = new MutableClock(NOW);
  private final ScriptedFeeds net = new ScriptedFeeds();
  private final ExportTokens tokens = ExportTokens.fromSecret("a-salt-of-32-characters-for-test");
  private final AddFeed addFeed = new AddFeed(db.calendarFeeds(), db.accommodations(), clock);
  private final RemoveFeed removeFeed =
      new RemoveFeed(db.calendarFeeds(), db.reservations(), db.transactions(), clock);
  private final ResolveConflict resolve = new ResolveConflict(db.calendarFeeds(), clock);
  private final RotateExportToken rotate =
      new RotateExportToken(db.accommodations(), db.transactions(), tokens);
  private final SyncCalendar sync =
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
  private Accommodation unit;

  @BeforeEach
  void setUp() {
    unit = addCabin(db.accommodations(), "Cabaña del Lago");
  }

  private CalendarFeed add(String source, String url) {
    return ((AddFeed.Added) addFeed.execute(new AddFeed.Command(unit.id(), source, url))).feed();
  }

  @Test
  void aFeedIsAddedWithItsSourceLabel() {
    CalendarFeed feed = add("airbnb", " https://www.airbnb.com/calendar/ical/1.ics?s=x ");

    assertThat(feed.source()).isEqualTo(FeedSource.AIRBNB);
    assertThat(feed.url().toString()).isEqualTo("https://www.airbnb.com/calendar/ical/1.ics?s=x");
    assertThat(
            addFeed.execute(
                new AddFeed.Command(
                    unit.id(), "booking", "https://www.airbnb.com/calendar/ical/1.ics?s=x")))
        .isInstanceOf(AddFeed.AlreadyImported.class);
  }

  @Test
  void aBadSourceUrlOrUnitIsSaid() {
    assertThat(addFeed.execute(new AddFeed.Command(unit.id(), "expedia", "https://x.com/a.ics")))
        .isEqualTo(new AddFeed.Invalid("source", "source is one of airbnb, booking, vrbo, other"));
    assertThat(addFeed.execute(new AddFeed.Command(unit.id(), "vrbo", "file:///etc/passwd")))
        .isInstanceOfSatisfying(AddFeed.Invalid.class, i -> assertThat(i.field()).isEqualTo("url"));
    assertThat(addFeed.execute(new AddFeed.Command(unit.id(), "other", "not a url")))
        .isInstanceOf(AddFeed.Invalid.class);
    assertThat(
            addFeed.execute(
                new AddFeed.Command(new AccommodationId(999), "other", "https://x.com/a.ics")))
        .isEqualTo(new AddFeed.UnknownUnit(new AccommodationId(999)));
  }

  @Test
  void removingAFeedReleasesItsStaysAndResolvesItsConflicts() {
    db.reservations().insert(hold(unit, period("2026-12-20", "2026-12-23")), "guest");
    CalendarFeed feed = add("vrbo", "https://www.vrbo.com/icalendar/1.ics");
    net.serve(
        FeedEvent.of("a", "2026-12-10", "2026-12-13", "Blocked"),
        FeedEvent.of("b", "2026-12-21", "2026-12-22", "Reserved"));
    sync.syncFeed(feed.id());
    var stay = db.reservations().findImported(unit.id(), "a").orElseThrow();

    RemoveFeed.Result result = removeFeed.execute(new RemoveFeed.Command(feed.id(), "admin:o"));

    assertThat(result)
        .isInstanceOfSatisfying(
            RemoveFeed.Removed.class, r -> assertThat(r.released()).isEqualTo(1));
    assertThat(db.reservations().find(stay.code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.CANCELLED);
    assertThat(db.calendarFeeds().ofUnit(unit.id())).isEmpty();
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), true)).isEmpty();
    assertThat(removeFeed.execute(new RemoveFeed.Command(feed.id(), "admin:o")))
        .isEqualTo(new RemoveFeed.UnknownFeed(feed.id()));
  }

  @Test
  void aConflictIsMarkedResolvedOnceAndNotReopenedForTheSameDates() {
    db.reservations().insert(hold(unit, period("2026-12-20", "2026-12-23")), "guest");
    CalendarFeed feed = add("airbnb", "https://www.airbnb.com/calendar/ical/2.ics");
    net.serve(FeedEvent.of("c", "2026-12-21", "2026-12-22", "Reserved"));
    sync.syncFeed(feed.id());
    FeedConflict open = db.calendarFeeds().conflicts(Optional.of(unit.id()), true).getFirst();

    assertThat(resolve.execute(new ResolveConflict.Command(open.id(), "guest moved", "admin:o")))
        .isInstanceOfSatisfying(
            ResolveConflict.Resolved.class,
            r ->
                assertThat(r.conflict().resolution())
                    .isEqualTo("resolved by admin:o: guest moved"));
    assertThat(resolve.execute(new ResolveConflict.Command(open.id(), null, "admin:o")))
        .isInstanceOf(ResolveConflict.AlreadyResolved.class);
    assertThat(resolve.execute(new ResolveConflict.Command(12345, null, "admin:o")))
        .isEqualTo(new ResolveConflict.NotFound(12345));

    net.serve(FeedEvent.of("c", "2026-12-21", "2026-12-22", "Reserved"));
    sync.syncFeed(feed.id());
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), true)).isEmpty();
    assertThat(db.events().stream(CalendarSyncEvents.stream(feed.id()))).hasSize(1);
  }

  @Test
  void rotatingGivesANewTokenAndTheOldOneStopsMatching() {
    String old = tokens.tokenFor(unit);

    RotateExportToken.Result result = rotate.execute(unit.id());

    assertThat(result)
        .isInstanceOfSatisfying(
            RotateExportToken.Rotated.class,
            r -> {
              assertThat(r.unit().exportTokenVersion()).isEqualTo(2);
              assertThat(r.token()).isNotEqualTo(old);
              assertThat(tokens.matches(r.unit(), old)).isFalse();
            });
    assertThat(rotate.execute(new AccommodationId(999)))
        .isEqualTo(new RotateExportToken.UnknownUnit(new AccommodationId(999)));
  }

  @Test
  void feedHealthTellsFreshStaleFailingAndPerUnitAge() {
    CalendarFeed feed = add("airbnb", "https://www.airbnb.com/calendar/ical/3.ics");
    Duration max = Duration.ofMinutes(20);
    assertThat(FeedHealth.status(feed, NOW, max)).isEqualTo(FeedHealth.Status.PENDING);

    net.serve(FeedEvent.of("a", "2026-12-10", "2026-12-13", "Reserved"));
    sync.syncFeed(feed.id());
    clock.advance(Duration.ofMinutes(5));
    CalendarFeed synced = db.calendarFeeds().find(feed.id()).orElseThrow();
    assertThat(FeedHealth.status(synced, clock.instant(), max)).isEqualTo(FeedHealth.Status.OK);
    assertThat(FeedHealth.status(synced, clock.instant().plus(max), max))
        .isEqualTo(FeedHealth.Status.STALE);

    CalendarFeed never = add("booking", "https://admin.booking.com/ical/3.ics");
    List<CalendarFeed> all = db.calendarFeeds().all();
    assertThat(FeedHealth.lastSyncAge(all, clock.instant()))
        .containsEntry(unit.id(), Duration.ofMinutes(5));
    assertThat(FeedHealth.degraded(all, clock.instant(), max)).isFalse();
    assertThat(FeedHealth.degraded(all, clock.instant().plus(max), max)).isTrue();
    assertThat(never.sync().status()).isEqualTo(SyncStatus.NEVER);

    net.fail("HTTP 503");
    sync.syncFeed(feed.id());
    assertThat(FeedHealth.status(db.calendarFeeds().find(feed.id()).orElseThrow(), NOW, max))
        .isEqualTo(FeedHealth.Status.FAILING);
  }
}
