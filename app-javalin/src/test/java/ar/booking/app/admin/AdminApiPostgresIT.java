package ar.booking.app.admin;

import static ar.booking.app.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.admin.AdminServer.Response;
import ar.booking.core.reservation.Channel;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.PlaceHold;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.RedisBookingLocks;
import ar.booking.persistence.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP on PostgreSQL and Redis: the database refuses double bookings. */
class AdminApiPostgresIT {

  static final String ACTIVE = "status IN ('PRE_RESERVED', 'CONFIRMED', 'COMPLETED', 'BLOCKED')";

  static PostgresSettings settings;
  static PostgresStores stores;
  static RedisBookingLocks locks;
  static AdminServer api;

  @BeforeAll
  static void start() {
    settings = TestDatabases.freshDatabase();
    stores = PostgresStores.start(settings);
    locks =
        RedisBookingLocks.connect(
            TestDatabases.redisUrl(), null, TestDatabases.keyPrefix(), Duration.ofSeconds(5));
    api =
        new AdminServer(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            stores.payments(),
            stores.events(),
            stores.jobSchedule(),
            stores.calendarFeeds(),
            locks,
            new MutableClock(Fixtures.NOW));
  }

  @AfterAll
  static void stop() {
    api.close();
    locks.close();
    stores.close();
  }

  @Test
  void fiftyConcurrentBookingsOfOverlappingNightsLeaveExactlyOne() throws Exception {
    long unit = api.addCabin("Cabaña disputada", 4);
    LocalDate night = LocalDate.of(2027, 3, 11);
    List<CompletableFuture<Response>> requests = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      LocalDate checkIn = night.minusDays(i % 3);
      LocalDate checkOut = night.plusDays(1 + i % 4);
      requests.add(
          api.postAsync(
              "/reservations",
              json(
                  "{'accommodation_id': %d, 'check_in': '%s', 'check_out': '%s', 'guests': 2, 'guest_name': 'Huésped %d'}"
                      .formatted(unit, checkIn, checkOut, i))));
    }
    List<Response> responses = new ArrayList<>();
    for (CompletableFuture<Response> request : requests) {
      responses.add(request.get(60, TimeUnit.SECONDS));
    }

    List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
    assertThat(created).hasSize(1);
    String winner = created.get(0).json().get("code").asText();
    assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(49);
    for (Response refused : responses.stream().filter(r -> r.status() == 409).toList()) {
      JsonNode body = refused.json();
      assertThat(body.get("error").asText()).isEqualTo("unavailable");
      assertThat(body.get("conflicts").get(0).get("code").asText()).isEqualTo(winner);
    }
    assertThat(
            count(
                "SELECT count(*) FROM reservation WHERE "
                    + ACTIVE
                    + " AND accommodation_id = "
                    + unit))
        .isEqualTo(1);
    for (int d = -3; d < 5; d++) {
      LocalDate date = night.plusDays(d);
      assertThat(
              count(
                  "SELECT count(*) FROM reservation WHERE %s AND accommodation_id = %d AND check_in <= '%s' AND check_out > '%s'"
                      .formatted(ACTIVE, unit, date, date)))
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void aBookingIsStoredCancelledAndItsNightsSoldAgainWithTheActorAudited() throws Exception {
    long unit = api.addCabin("Cabaña de ida y vuelta", 4);
    String booking =
        json(
            "{'accommodation_id': %d, 'check_in': '2027-04-01', 'check_out': '2027-04-04', 'guests': 3, 'guest_name': 'Ana, \\\"la del lago\\\"', 'guest_phone': '+54 9 294 400-0000', 'guest_email': 'ana@example.com', 'note': 'paga en efectivo'}"
                .formatted(unit));

    Response created = api.post("/reservations", booking);
    assertThat(created.status()).isEqualTo(201);
    String code = created.json().get("code").asText();
    JsonNode read = api.get("/reservations/" + code).json();
    assertThat(read.get("status").asText()).isEqualTo("confirmed");
    assertThat(read.get("guest_name").asText()).isEqualTo("Ana, \"la del lago\"");
    assertThat(read.get("quote").get("per_night")).hasSize(3);
    assertThat(api.post("/reservations", booking).status()).isEqualTo(409);

    Response cancelled =
        api.post("/reservations/" + code + "/cancel", json("{'reason': 'cambio de planes'}"));
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
    assertThat(api.get("/reservations/" + code).json().get("note").asText())
        .isEqualTo("cambio de planes");

    assertThat(api.post("/reservations", booking).status()).isEqualTo(201);
    assertThat(
            count(
                "SELECT count(*) FROM reservation_status_change WHERE reservation_code = '"
                    + code
                    + "' AND actor = 'admin:test@example.com'"))
        .isEqualTo(2);
  }

  @Test
  void aHoldConfirmedByHandRecordsTheAmountAndTheOwner() throws Exception {
    long unit = api.addCabin("Cabaña con seña", 4);
    var hold =
        (PlaceHold.HoldPlaced)
            api.engine
                .placeHold()
                .execute(
                    new PlaceHold.Command(
                        new AccommodationId(unit),
                        StayPeriod.parse("2027-05-06", "2027-05-08"),
                        GuestCount.of(2),
                        Fixtures.guest("Bruno"),
                        Channel.WHATSAPP));
    String code = hold.reservation().code().value();

    Response confirmed =
        api.post("/reservations/" + code + "/confirm", json("{'amount_paid': 6000.00}"));

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().get("status").asText()).isEqualTo("confirmed");
    assertThat(confirmed.body()).contains("\"amount_paid\":6000.00");
    assertThat(
            count(
                "SELECT count(*) FROM reservation_status_change WHERE reservation_code = '"
                    + code
                    + "' AND to_status = 'CONFIRMED' AND actor = 'admin:test@example.com'"))
        .isEqualTo(1);
  }

  @Test
  void listFiltersPagingAndTheCsvExportWorkOnPostgres() {
    long unit = api.addCabin("Cabaña para listar", 4);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Response created =
          api.post(
              "/reservations",
              json(
                  "{'accommodation_id': %d, 'check_in': '2027-06-%02d', 'check_out': '2027-06-%02d', 'guests': 2, 'guest_name': 'Listado %d, \\\"Zeta\\\"'}"
                      .formatted(unit, 1 + i * 3, 3 + i * 3, i)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      codes.add(created.json().get("code").asText());
    }
    api.post("/reservations/" + codes.get(0) + "/cancel", "");

    JsonNode page = api.get("/reservations?accommodation_id=" + unit + "&offset=1&limit=1").json();
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("code").asText()).isEqualTo(codes.get(1));
    JsonNode confirmed =
        api.get("/reservations?status=confirmed&accommodation_id=" + unit + "&q=listado%201")
            .json();
    assertThat(confirmed.get("total").asLong()).isEqualTo(1);
    assertThat(confirmed.get("items").get(0).get("code").asText()).isEqualTo(codes.get(1));
    assertThat(
            api.get("/reservations?from=2027-06-07&to=2027-06-08&accommodation_id=" + unit)
                .json()
                .get("total")
                .asLong())
        .isEqualTo(1);

    Response csv = api.get("/reservations/export.csv?accommodation_id=" + unit);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.body().split("\r\n")).hasSize(4);
    assertThat(csv.body()).contains(",\"Listado 2, \"\"Zeta\"\"\",");
  }

  static long count(String sql) throws SQLException {
    try (Connection c = TestDatabases.connect(settings);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
