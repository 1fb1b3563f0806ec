package ar.booking.calendar;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.CalendarExport;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.CalendarSyncEvents;
import ar.booking.core.calendarsync.ExportCalendar;
import ar.booking.core.calendarsync.ExportTokens;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.SyncCalendar;
import ar.booking.core.calendarsync.SyncSettings;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.testing.MutableClock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar sync end to end with the real adapters: a real HTTP server serving feeds shaped like the
 * OTAs' exports, {@link HttpFeedFetcher}, {@link Ical4jFeedParser}, and the in-memory stores.
 */
class CalendarSyncOverHttpIT {

  private final InMemoryStores db = InMemoryStores.create();
  private final MutableClock clock = new MutableClock(NOW);
  private FeedServer server;
  private SyncCalendar sync;
  private Accommodation unit;

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
    sync =
        new SyncCalendar(
            db.calendarFeeds(),
            db.accommodations(),
            db.reservations(),
            db.transactions(),
            new InProcessBookingLocks(),
            db.events(),
            new HttpFeedFetcher(
                FetchSettings.production("ReservasBot/1.0").allowingPrivateAddresses(true)),
            new Ical4jFeedParser(),
            clock,
            SyncSettings.DEFAULT);
    unit = addCabin(db.accommodations(), "Cabaña del Lago");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CalendarFeed feed(FeedSource source, String path) {
    return ((CalendarFeeds.Added) db.calendarFeeds().add(unit.id(), source, server.url(path), NOW))
        .feed();
  }

  private Reservation stay(String uid) {
    return db.reservations().findImported(unit.id(), uid).orElseThrow();
  }

  @Test
  void theThreeOtasFeedsBecomeImportedStays() {
    server.serve("/airbnb.ics", FeedFiles.read("airbnb.ics"), "\"a1\"");
    server.serve("/booking.ics", FeedFiles.read("booking.ics"), null);
    server.serve("/vrbo.ics", FeedFiles.read("vrbo.ics"), null);
    feed(FeedSource.AIRBNB, "/airbnb.ics");
    feed(FeedSource.BOOKING, "/booking.ics");
    feed(FeedSource.VRBO, "/vrbo.ics");

    assertThat(sync.syncUnit(unit.id()))
        .allSatisfy(s -> assertThat(s.outcome()).isInstanceOf(SyncCalendar.Applied.class));

    assertThat(stay("1418fb94e984-8a1b7f0d0ea0ae8a1b1b2b0f2c4c3f11@airbnb.com").channel())
        .isEqualTo(Channel.AIRBNB);
    assertThat(stay("9d2c6ce7c9c46d3e1f4bad2f3e5a7b9c@booking.com").period())
        .isEqualTo(period("2027-02-20", "2027-02-22"));
    assertThat(stay("0b7f2d6a-1c3e-4f5a-9b8d-7e6c5d4b3a21").period())
        .isEqualTo(period("2027-03-14", "2027-03-17"));
    assertThat(stay("0b7f2d6a-1c3e-4f5a-9b8d-7e6c5d4b3a21").channel()).isEqualTo(Channel.VRBO);
  }

  @Test
  void anUnchangedAirbnbFeedIsNotModifiedTheSecondTime() {
    server.serve("/airbnb.ics", FeedFiles.read("airbnb.ics"), "\"a1\"");
    CalendarFeed airbnb = feed(FeedSource.AIRBNB, "/airbnb.ics");
    sync.syncFeed(airbnb.id());

    assertThat(sync.syncFeed(airbnb.id()).outcome()).isInstanceOf(SyncCalendar.NotModified.class);
    assertThat(server.requestHeaders.get(1).get("If-none-match")).containsExactly("\"a1\"");
  }

  @Test
  void vrboCancellationsVanishAndADateChangeUnderANewUidKeepsTheStay() {
    server.serve("/vrbo.ics", FeedFiles.read("vrbo.ics"), null);
    CalendarFeed vrbo = feed(FeedSource.VRBO, "/vrbo.ics");
    sync.syncFeed(vrbo.id());
    Reservation blocked = stay("c3d4e5f6-a7b8-4c9d-8e0f-112233445566");

    server.serve("/vrbo.ics", FeedFiles.read("vrbo-later.ics"), null);
    sync.syncFeed(vrbo.id());
    assertThat(stay("0b7f2d6a-1c3e-4f5a-9b8d-7e6c5d4b3a21").status())
        .as("one miss is not a release")
        .isEqualTo(ReservationStatus.BLOCKED);
    assertThat(stay("f0e1d2c3-b4a5-4968-8776-655443322110").code()).isEqualTo(blocked.code());

    sync.syncFeed(vrbo.id());
    assertThat(stay("0b7f2d6a-1c3e-4f5a-9b8d-7e6c5d4b3a21").status())
        .isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void anEmptyFeedAfterAFullOneAndAServerErrorChangeNothingAndAlert() {
    server.serve("/airbnb.ics", FeedFiles.read("airbnb.ics"), null);
    CalendarFeed airbnb = feed(FeedSource.AIRBNB, "/airbnb.ics");
    sync.syncFeed(airbnb.id());

    server.serve("/airbnb.ics", FeedFiles.read("empty.ics"), null);
    assertThat(sync.syncFeed(airbnb.id()).outcome()).isInstanceOf(SyncCalendar.Suspicious.class);
    server.status("/airbnb.ics", 500);
    assertThat(sync.syncFeed(airbnb.id()).outcome())
        .isEqualTo(new SyncCalendar.Failed("HTTP 500 from 127.0.0.1"));

    assertThat(stay("1418fb94e984-8a1b7f0d0ea0ae8a1b1b2b0f2c4c3f11@airbnb.com").status())
        .isEqualTo(ReservationStatus.BLOCKED);
    assertThat(db.events().stream(CalendarSyncEvents.stream(airbnb.id())))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.ICAL_FEED_FAILED);
    assertThat(db.calendarFeeds().find(airbnb.id()).orElseThrow().sync().consecutiveFailures())
        .isEqualTo(2);
  }

  @Test
  void aBookingOfOursThenAnOverlappingAirbnbStayIsAConflictTheOwnerHearsOf() {
    Reservation ours =
        ((Reservations.Inserted)
                db.reservations().insert(hold(unit, period("2027-01-11", "2027-01-14")), "guest"))
            .reservation();
    server.serve("/airbnb.ics", FeedFiles.read("airbnb.ics"), null);
    CalendarFeed airbnb = feed(FeedSource.AIRBNB, "/airbnb.ics");

    SyncCalendar.Outcome outcome = sync.syncFeed(airbnb.id()).outcome();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class,
            a -> {
              assertThat(a.changes().conflicts()).isEqualTo(1);
              assertThat(a.changes().added()).isEqualTo(2);
            });
    FeedConflict conflict = db.calendarFeeds().conflicts(Optional.of(unit.id()), true).getFirst();
    assertThat(conflict.ours()).containsExactly(ours.code());
    assertThat(conflict.period()).isEqualTo(period("2027-01-10", "2027-01-13"));
    assertThat(db.events().stream(CalendarSyncEvents.stream(airbnb.id())))
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.ICAL_CONFLICT));
    assertThat(db.reservations().find(ours.code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.PRE_RESERVED);
  }

  @Test
  void duplicateUidsAndCancelledEvents() {
    server.serve("/dup.ics", FeedFiles.read("duplicate-uid.ics"), null);
    server.serve("/cancelled.ics", FeedFiles.read("cancelled.ics"), null);
    CalendarFeed dup = feed(FeedSource.AIRBNB, "/dup.ics");
    CalendarFeed cancelled = feed(FeedSource.ICAL_OTHER, "/cancelled.ics");

    SyncCalendar.Outcome dupOutcome = sync.syncFeed(dup.id()).outcome();
    SyncCalendar.Outcome cancelledOutcome = sync.syncFeed(cancelled.id()).outcome();

    assertThat(dupOutcome)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class,
            a -> {
              assertThat(a.changes().added()).isEqualTo(2);
              assertThat(a.changes().duplicates()).isEqualTo(2);
            });
    assertThat(stay("dup@airbnb.com#2027-01-10").period())
        .isEqualTo(period("2027-01-10", "2027-01-13"));
    assertThat(stay("dup@airbnb.com#2027-02-01").period())
        .isEqualTo(period("2027-02-01", "2027-02-04"));
    // keep@example.com takes the nights Airbnb's stay already holds: it waits, with no alert.
    assertThat(cancelledOutcome)
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class, a -> assertThat(a.changes().waiting()).isEqualTo(1));
    assertThat(db.calendarFeeds().imported(cancelled.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.uid()).isEqualTo("keep@example.com"));
    assertThat(db.calendarFeeds().conflicts(Optional.of(unit.id()), false)).isEmpty();
    assertThat(db.reservations().findImported(unit.id(), "gone@example.com")).isEmpty();
  }

  @Test
  void anEventWithoutUidIsCountedAsUnreadableAndTheRestIsImported() {
    String ics =
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
            + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270110\nDTEND;VALUE=DATE:20270112\nEND:VEVENT\n"
            + "BEGIN:VEVENT\nUID:fine@example.com\nDTSTART;VALUE=DATE:20270120\n"
            + "DTEND;VALUE=DATE:20270122\nEND:VEVENT\nEND:VCALENDAR\n";
    server.serve("/other.ics", ics.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    CalendarFeed other = feed(FeedSource.ICAL_OTHER, "/other.ics");

    assertThat(sync.syncFeed(other.id()).outcome())
        .isInstanceOfSatisfying(
            SyncCalendar.Applied.class,
            a -> {
              assertThat(a.changes().unreadable()).isEqualTo(1);
              assertThat(a.changes().added()).isEqualTo(1);
            });
  }

  @Test
  void theExportLeavesOutWhatCameFromTheSourceItIsFor() {
    server.serve("/airbnb.ics", FeedFiles.read("airbnb.ics"), null);
    server.serve("/booking.ics", FeedFiles.read("booking.ics"), null);
    feed(FeedSource.AIRBNB, "/airbnb.ics");
    feed(FeedSource.BOOKING, "/booking.ics");
    sync.syncAll();
    ExportTokens tokens = ExportTokens.fromSecret("a-salt-of-32-characters-for-test");
    ExportCalendar export =
        new ExportCalendar(
            db.accommodations(),
            db.reservations(),
            tokens,
            clock,
            ExportCalendar.Settings.forHost("reservas.example.com"));

    CalendarExport forAirbnb =
        ((ExportCalendar.Exported)
                export.execute(
                    new ExportCalendar.Query(
                        unit.id(), tokens.tokenFor(unit), Optional.of(FeedSource.AIRBNB))))
            .calendar();
    byte[] ics = new IcsWriter("-//Reservas//ES").write(forAirbnb, clock.instant());

    assertThat(forAirbnb.events()).hasSize(2);
    String text = new String(ics, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text)
        .contains("DTSTART;VALUE=DATE:20270115")
        .doesNotContain("DTSTART;VALUE=DATE:20270110");
  }
}
