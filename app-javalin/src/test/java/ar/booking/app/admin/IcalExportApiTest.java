package ar.booking.app.admin;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.Adapters;
import ar.booking.app.BookingApp;
import ar.booking.app.admin.AdminServer.Response;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.config.Config;
import ar.booking.calendar.Ical4jFeedParser;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.ExportTokens;
import ar.booking.core.calendarsync.FeedEvent;
import ar.booking.core.calendarsync.FeedParser;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public export route on the real app over in-memory adapters. */
class IcalExportApiTest {

  static final String EXPORT = "/api/v1/ical/export/";

  final InMemoryStores stores = InMemoryStores.create();
  final AdminServer api = AdminServer.inMemory(stores);
  final ExportTokens tokens = ExportTokens.fromSecret(AdminServer.ICS_SALT);
  final Accommodation unit =
      stores
          .accommodations()
          .find(new AccommodationId(api.addCabin("Cabaña Ñandú del Río 🌲 con vista al lago", 4)))
          .orElseThrow();
  final Reservation held = insert(Fixtures.hold(unit, Fixtures.period("2026-12-01", "2026-12-04")));
  final Reservation fromAirbnb =
      insert(
          Reservation.importedStay(
              ReservationCode.random(),
              unit.id(),
              StayPeriod.parse("2026-12-20", "2026-12-23"),
              Channel.AIRBNB,
              "abc@airbnb.com",
              "Reserved",
              NOW));

  @AfterEach
  void stop() {
    api.close();
  }

  private Reservation insert(Reservation r) {
    return ((Reservations.Inserted) stores.reservations().insert(r, "test")).reservation();
  }

  private String url(Accommodation u) {
    return EXPORT + u.id().value() + "/" + tokens.tokenFor(u) + ".ics";
  }

  private static List<FeedEvent> parse(Response response) {
    FeedParser.ParseOutcome outcome =
        new Ical4jFeedParser()
            .parse(
                response.body().getBytes(StandardCharsets.UTF_8),
                ZoneId.of("America/Argentina/Buenos_Aires"));
    assertThat(outcome).isInstanceOf(FeedParser.Parsed.class);
    return ((FeedParser.Parsed) outcome).events();
  }

  @Test
  void theExportIsAStrictCalendarOfEveryBusyPeriodWithoutABearerToken() {
    Response response = api.getPublic(url(unit));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(response.header("ETag")).matches("\"[0-9a-f]+\"");
    assertThat(response.header("Last-Modified")).endsWith("GMT");
    String body = response.body();
    assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(body.replace("\r\n", "")).doesNotContain("\n", "\r");
    for (String line : body.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    assertThat(parse(response))
        .extracting(FeedEvent::uid, FeedEvent::period)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(held.code().value() + "@localhost", held.period()),
            org.assertj.core.groups.Tuple.tuple(
                fromAirbnb.code().value() + "@localhost", fromAirbnb.period()));
    assertThat(body).doesNotContain("Reserved", "abc@airbnb.com");

    Response withoutSuffix = api.getPublic(url(unit).replace(".ics", ""));
    assertThat(withoutSuffix.status()).isEqualTo(200);
    assertThat(withoutSuffix.body()).isEqualTo(body);
  }

  @Test
  void excludeLeavesOutWhatWasImportedFromThatSource() {
    assertThat(parse(api.getPublic(url(unit) + "?exclude=airbnb")))
        .extracting(FeedEvent::uid)
        .containsExactly(held.code().value() + "@localhost");
    assertThat(parse(api.getPublic(url(unit) + "?exclude=booking"))).hasSize(2);
    assertThat(api.getPublic(url(unit) + "?exclude=expedia").status()).isEqualTo(404);
  }

  @Test
  void aMatchingEtagIsNotModifiedAndAChangeIsServedAgain() {
    Response first = api.getPublic(url(unit));
    String etag = first.header("ETag");

    Response again = api.getPublic(url(unit), "If-None-Match", etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(api.getPublic(url(unit)).body())
        .as("same content, same bytes")
        .isEqualTo(first.body());

    insert(Fixtures.block(unit, Fixtures.period("2027-01-10", "2027-01-12")));

    Response changed = api.getPublic(url(unit), "If-None-Match", etag);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).isNotEqualTo(etag);
    assertThat(parse(changed)).hasSize(3);
  }

  @Test
  void wrongRotatedAndUnknownAreAnsweredExactlyLikeAnUnknownRoute() {
    JsonNode unknownRoute = api.getPublic("/api/v1/nothing-here").json();
    String oldUrl = url(unit);

    stores.accommodations().update(unit.withNextExportToken());
    Accommodation rotated = stores.accommodations().find(unit.id()).orElseThrow();

    for (String path :
        List.of(
            oldUrl,
            EXPORT + unit.id().value() + "/guess.ics",
            EXPORT + "999/" + tokens.tokenFor(new AccommodationId(999), 1) + ".ics",
            EXPORT + "abc/x.ics")) {
      Response response = api.getPublic(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      JsonNode body = response.json();
      assertThat(body.get("error")).isEqualTo(unknownRoute.get("error"));
      assertThat(body.get("message").asText())
          .isEqualTo(unknownRoute.get("message").asText().replace("/api/v1/nothing-here", path));
    }
    assertThat(api.getPublic(url(rotated)).status()).isEqualTo(200);
  }

  @Test
  void eachClientIsRateLimitedOnItsOwnLimiterAndEveryOutcomeIsCounted() throws Exception {
    BookingApp limited =
        BookingApp.create(
                Config.from(
                    Map.of(
                        "ENVIRONMENT", "test",
                        "ADMIN_PASSWORD", AdminServer.ADMIN_PASSWORD,
                        "JWT_SECRET", "0123456789abcdef0123456789abcdef-limited",
                        "ICS_SALT", AdminServer.ICS_SALT,
                        "RATE_LIMIT_REQUESTS", "3",
                        "DATA_DIR", System.getProperty("java.io.tmpdir"),
                        "PORT", "0")),
                Adapters.inMemory(stores, new InMemoryOwnerAccounts(), new MutableClock(NOW)),
                List.of(),
                new PasswordHasher(4))
            .start(0);
    HttpClient client = HttpClient.newHttpClient();
    try {
      String base = "http://localhost:" + limited.port();
      List<Integer> statuses = new ArrayList<>();
      for (String path : List.of(url(unit), url(unit), EXPORT + "1/guess.ics", url(unit))) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.add(response.statusCode());
        if (response.statusCode() == 429) {
          assertThat(response.headers().firstValue("Retry-After")).isPresent();
          assertThat(response.body()).contains("\"error\":\"rate_limited\"");
        }
      }
      assertThat(statuses).containsExactly(200, 200, 404, 429);
      String metrics =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics)
          .contains("ical_export_requests_total{outcome=\"ok\"} 2.0")
          .contains("ical_export_requests_total{outcome=\"not_found\"} 1.0")
          .contains("ical_export_requests_total{outcome=\"rate_limited\"} 1.0")
          .contains("ical_export_requests_total{outcome=\"not_modified\"} 0.0");
    } finally {
      limited.stop();
    }
  }
}
