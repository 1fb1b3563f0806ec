package ar.booking.app;

import static ar.booking.app.TestApps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.testing.Fixtures;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two app instances on one database: each periodic job runs about once per interval between them, a
 * due hold expires once, and its durable event is counted once across both.
 */
class ClusterJobsIT {

  private static double metric(BookingApp app, String series) throws Exception {
    String text = get(app, "/metrics").body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static long sharedRuns(PostgresSettings db, String job) throws Exception {
    try (Connection c = TestDatabases.connect(db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT runs FROM scheduled_job WHERE name = '" + job + "'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  @Test
  void twoInstancesRunTheExpiryJobAboutOncePerIntervalAndExpireAHoldOnce() throws Exception {
    PostgresSettings db = TestDatabases.freshDatabase();
    Map<String, String> env = TestApps.baseEnv(db);
    env.put("JOB_EXPIRATION_INTERVAL_SECONDS", "1");
    env.put("JOB_EVENTS_INTERVAL_SECONDS", "1");
    BookingApp first = TestApps.start(env);
    BookingApp second = TestApps.start(env);
    try (PostgresStores stores = PostgresStores.start(db)) {
      String successSeries = "job_runs_total{job=\"expire_holds\",outcome=\"success\"}";
      long before = sharedRuns(db, "expire_holds");
      double successesBefore = metric(first, successSeries) + metric(second, successSeries);
      long started = System.nanoTime();
      Thread.sleep(6_000);
      long runs = sharedRuns(db, "expire_holds") - before;
      double successes =
          metric(first, successSeries) + metric(second, successSeries) - successesBefore;
      double seconds = (System.nanoTime() - started) / 1e9;

      // Once per 1 s interval between the two instances, not once per instance (that would be ~12).
      assertThat(runs).isBetween((long) seconds - 2, (long) seconds + 1);
      assertThat(successes).isBetween(runs - 1.0, runs + 1.0);
      assertThat(metric(first, "job_last_success_timestamp_seconds{job=\"expire_holds\"}"))
          .isGreaterThan(System.currentTimeMillis() / 1000.0 - 5);
      assertThat(get(first, "/api/v1/healthz").body()).contains("\"jobs\":{\"status\":\"up\"");

      // A hold whose time is up (placed at Fixtures.NOW, long past) is expired by one instance.
      var unit = Fixtures.addCabin(stores.accommodations(), "Cabaña compartida");
      Reservation hold =
          ((Reservations.Inserted)
                  stores
                      .reservations()
                      .insert(
                          Fixtures.hold(unit, Fixtures.period("2027-04-10", "2027-04-12")),
                          "guest:whatsapp"))
              .reservation();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  stores.reservations().find(hold.code()).orElseThrow().status()
                      == ReservationStatus.EXPIRED);
      assertThat(stores.events().stream(hold.code().value()))
          .extracting(DomainEvent::type)
          .containsExactly(EventType.HOLD_PLACED, EventType.HOLD_EXPIRED);
      // Its event reaches the metrics subscriber once, on whichever instance dispatched it.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  metric(first, "reservations_expired_total")
                          + metric(second, "reservations_expired_total")
                      == 1.0);
      Thread.sleep(2_000);
      assertThat(
              metric(first, "reservations_expired_total")
                  + metric(second, "reservations_expired_total"))
          .isEqualTo(1.0);
    } finally {
      first.stop();
      second.stop();
    }
  }
}
