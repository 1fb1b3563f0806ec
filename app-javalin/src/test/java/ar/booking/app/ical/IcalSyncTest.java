package ar.booking.app.ical;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.events.MetricsSubscriber;
import ar.booking.app.health.HealthCheck;
import ar.booking.calendar.FetchSettings;
import ar.booking.calendar.HttpFeedFetcher;
import ar.booking.calendar.Ical4jFeedParser;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.CalendarSyncEvents;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.FeedEvent;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.SyncCalendar;
import ar.booking.core.calendarsync.SyncSettings;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.scheduling.ScheduledJob;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job's pass, the metrics it keeps and the health check, on in-memory stores and real HTTP. */
class IcalSyncTest {

  static final String FEED =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Booking.com//EN\r\n"
          + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261205\r\n"
          + "UID:1@booking.com\r\nSUMMARY:CLOSED - Not available\r\nEND:VEVENT\r\n"
          + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261220\r\nDTEND;VALUE=DATE:20261222\r\n"
          + "UID:2@booking.com\r\nSUMMARY:CLOSED - Not available\r\nEND:VEVENT\r\n"
          + "END:VCALENDAR\r\n";

  final InMemoryStores stores = InMemoryStores.create();
  final MutableClock clock = new MutableClock(Fixtures.NOW);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final AtomicInteger status = new AtomicInteger(200);
  final HttpServer ota = ota();
  final Accommodation unit = Fixtures.addCabin(stores.accommodations(), "Cabaña del Bosque");
  final CalendarFeed feed =
      ((CalendarFeeds.Added)
              stores
                  .calendarFeeds()
                  .add(
                      unit.id(),
                      FeedSource.BOOKING,
                      URI.create("http://127.0.0.1:" + ota.getAddress().getPort() + "/b.ics"),
                      Fixtures.NOW))
          .feed();
  final SyncCalendar sync =
      new SyncCalendar(
          stores.calendarFeeds(),
          stores.accommodations(),
          stores.reservations(),
          stores.transactions(),
          new InProcessBookingLocks(),
          stores.events(),
          new HttpFeedFetcher(
              FetchSettings.production("Reservas/1.0 (+test)").allowingPrivateAddresses(true)),
          new Ical4jFeedParser(),
          clock,
          SyncSettings.DEFAULT);
  final IcalSync icalSync =
      new IcalSync(
          sync,
          stores.calendarFeeds(),
          clock,
          Duration.ofSeconds(300),
          Duration.ofMinutes(20),
          registry);

  private HttpServer ota() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
            if (status.get() != 200) {
              exchange.sendResponseHeaders(status.get(), -1);
            } else {
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            }
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    ota.stop(0);
  }

  private double sync(String outcome) {
    return registry.counter("ical.sync", "source", "booking", "outcome", outcome).count();
  }

  private double age() {
    return registry
        .get("ical.last.sync.age.minutes")
        .tag("accommodation", Long.toString(unit.id().value()))
        .gauge()
        .value();
  }

  @Test
  void theJobIsSyncIcalFeedsOnTheConfiguredInterval() {
    ScheduledJob job = icalSync.job();
    assertThat(job.name()).isEqualTo("sync_ical_feeds");
    assertThat(job.interval()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void eachPassKeepsTheMetricsAndTheHealthSnapshotCurrent() throws Exception {
    HealthCheck health = icalSync.health();
    assertThat(health.check().up()).as("no pass yet").isTrue();

    icalSync.job().work().run();

    assertThat(sync("applied")).isEqualTo(1.0);
    assertThat(registry.get("ical.events.imported").tag("source", "booking").gauge().value())
        .isEqualTo(2.0);
    assertThat(age()).isZero();
    assertThat(health.check().up()).isTrue();
    assertThat(health.check().details()).containsEntry("units", 1);

    // The platform fails for half an hour: the age grows with every pass, health degrades.
    status.set(500);
    clock.advance(Duration.ofMinutes(30));
    icalSync.job().work().run();

    assertThat(sync("failed")).isEqualTo(1.0);
    assertThat(age()).isEqualTo(30.0);
    HealthCheck.Result degraded = health.check();
    assertThat(degraded.up()).isFalse();
    assertThat(degraded.details())
        .containsEntry("stale_accommodations", List.of(unit.id().value()))
        .containsEntry("oldest_minutes", 30L);

    // Health and scrapes read the snapshot, never the store: time alone changes nothing.
    clock.advance(Duration.ofHours(5));
    assertThat(age()).isEqualTo(30.0);

    status.set(200);
    icalSync.job().work().run();
    assertThat(age()).isZero();
    assertThat(health.check().up()).isTrue();

    // A unit without feeds any more has no age series.
    stores.calendarFeeds().remove(feed.id(), clock.instant());
    icalSync.job().work().run();
    assertThat(registry.find("ical.last.sync.age.minutes").gauges()).isEmpty();
  }

  @Test
  void conflictsAreCountedFromTheDurableOwnerAlerts() {
    MetricsSubscriber subscriber = new MetricsSubscriber(registry);
    FeedConflict conflict =
        FeedConflict.detected(
                feed,
                FeedEvent.of("1@booking.com", "2026-12-02", "2026-12-05", "CLOSED - Not available"),
                List.of(ReservationCode.random()),
                Fixtures.NOW)
            .withId(7);

    subscriber.handle(CalendarSyncEvents.conflict(conflict, Fixtures.NOW));

    assertThat(registry.counter("ical.conflicts", "source", "booking").count()).isEqualTo(1.0);
    assertThat(registry.counter("ical.conflicts", "source", "airbnb").count()).isZero();
  }
}
