package ar.booking.app;

import static ar.booking.app.TestApps.get;
import static ar.booking.app.TestApps.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.app.auth.JwtTokens;
import ar.booking.app.config.Config;
import ar.booking.app.http.Json;
import ar.booking.core.calendarsync.ExportTokens;
import ar.booking.core.ports.StorageFailure;
import ar.booking.core.shared.AccommodationId;
import ar.booking.persistence.testing.TestDatabases;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BookingAppIT {

  private static BookingApp app;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestApps.baseEnv(TestDatabases.freshDatabase());
    env.put("MAX_REQUEST_BYTES", "2048");
    env.put("LOGIN_RATE_LIMIT_REQUESTS", "1000");
    env.put("RATE_LIMIT_REQUESTS", "1000");
    app = TestApps.start(env);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static String loginBody(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  @Test
  void theCalendarExportIsServedFromPostgresWithoutABearerToken() throws Exception {
    String auth = "Bearer " + TestApps.login(app);
    var unit =
        post(
            app,
            "/api/v1/admin/accommodations",
            "{\"name\":\"Cabaña Ñire\",\"type\":\"cabin\",\"capacity\":4,\"base_price\":10000}",
            "Authorization",
            auth);
    assertThat(unit.statusCode()).isEqualTo(201);
    long id = Json.mapper().readTree(unit.body()).get("id").asLong();
    LocalDate in = LocalDate.now(ZoneOffset.UTC).plusDays(40);
    var block =
        post(
            app,
            "/api/v1/admin/reservations",
            "{\"accommodation_id\":%d,\"check_in\":\"%s\",\"check_out\":\"%s\",\"kind\":\"block\"}"
                .formatted(id, in, in.plusDays(2)),
            "Authorization",
            auth);
    assertThat(block.statusCode()).as(block.body()).isEqualTo(201);
    String token = ExportTokens.fromSecret(TestApps.ICS_SALT).tokenFor(new AccommodationId(id), 1);
    String path = "/api/v1/ical/export/" + id + "/" + token + ".ics";

    var export = get(app, path);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type"))
        .hasValue("text/calendar; charset=utf-8");
    assertThat(export.body())
        .contains("BEGIN:VEVENT\r\n")
        .contains("DTSTART;VALUE=DATE:" + in.toString().replace("-", "") + "\r\n");
    String etag = export.headers().firstValue("ETag").orElseThrow();
    assertThat(get(app, path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(app, "/api/v1/ical/export/" + id + "/wrong.ics").statusCode()).isEqualTo(404);
  }

  @Test
  void readyOnceStarted() throws Exception {
    var response = get(app, "/api/v1/readyz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"ready\"");
  }

  @Test
  void healthzReportsEachCheck() throws Exception {
    var response = get(app, "/api/v1/healthz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"healthy\"")
        .contains("\"database\":{\"status\":\"up\",\"latency_ms\":")
        .contains("\"disk\":{\"status\":\"up\"")
        .contains("\"memory\":{\"status\":\"up\"")
        .contains("\"ical\":{\"status\":\"up\"")
        .doesNotContain("\"redis\"");
  }

  @Test
  void loginAnswersATokenThatOpensTheAdminApi() throws Exception {
    var response =
        post(app, "/api/v1/admin/login", loginBody(TestApps.ADMIN_EMAIL, TestApps.ADMIN_PASSWORD));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"token\":\"").contains("\"expires_at\":\"");
    String token = TestApps.login(app);
    var me = get(app, "/api/v1/admin/me", "Authorization", "Bearer " + token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains(TestApps.ADMIN_EMAIL);
    var trailingSlash =
        post(app, "/api/v1/admin/login/", loginBody(TestApps.ADMIN_EMAIL, TestApps.ADMIN_PASSWORD));
    assertThat(trailingSlash.statusCode()).isEqualTo(200);
    var tooLong =
        post(app, "/api/v1/admin/login", loginBody(TestApps.ADMIN_EMAIL, "p".repeat(100)));
    assertThat(tooLong.statusCode()).isEqualTo(401);
    assertThat(tooLong.body()).contains("\"error\":\"invalid_credentials\"");
  }

  @Test
  void wrongPasswordAndUnknownEmailGetTheSame401() throws Exception {
    var wrongPassword =
        post(app, "/api/v1/admin/login", loginBody(TestApps.ADMIN_EMAIL, "not the password"));
    var unknownEmail =
        post(app, "/api/v1/admin/login", loginBody("nobody@cabanas.test", "not the password"));
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknownEmail.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body()).contains("invalid_credentials");
  }

  @Test
  void adminApiWithoutAValidTokenIs401Json() throws Exception {
    var none = get(app, "/api/v1/admin/me");
    var garbage = get(app, "/api/v1/admin/me", "Authorization", "Bearer not.a.jwt");
    String otherSecret =
        new JwtTokens(
                "another-secret-another-secret-another", Duration.ofHours(1), Clock.systemUTC())
            .issue(TestApps.ADMIN_EMAIL, 1)
            .token();
    var forged = get(app, "/api/v1/admin/me", "Authorization", "Bearer " + otherSecret);
    String expired =
        new JwtTokens(
                TestApps.JWT_SECRET,
                Duration.ofHours(1),
                Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC))
            .issue(TestApps.ADMIN_EMAIL, 1)
            .token();
    var old = get(app, "/api/v1/admin/me", "Authorization", "Bearer " + expired);
    for (var response : java.util.List.of(none, garbage, forged, old)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("\"error\":\"unauthorized\"");
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }
  }

  @Test
  void theParserEndpointNeedsATokenAndStoresNothing() throws Exception {
    String body =
        "{\"text\": \"del 5 al 8 de enero para 2 adultos y un nene\", \"today\": \"2026-11-25\"}";
    assertThat(post(app, "/api/v1/nlu/parse", body).statusCode()).isEqualTo(401);
    String token = TestApps.login(app);
    var reservationsBefore =
        get(app, "/api/v1/admin/reservations", "Authorization", "Bearer " + token);
    var parsed = post(app, "/api/v1/nlu/parse", body, "Authorization", "Bearer " + token);
    assertThat(parsed.statusCode()).isEqualTo(200);
    assertThat(parsed.body())
        .isEqualTo(
            "{\"intent\":\"availability\",\"check_in\":\"2027-01-05\",\"check_out\":\"2027-01-08\","
                + "\"nights\":3,\"guests\":3,\"adults\":2,\"children\":1,\"unit_hint\":null,"
                + "\"problems\":[]}");
    var reservationsAfter =
        get(app, "/api/v1/admin/reservations", "Authorization", "Bearer " + token);
    assertThat(reservationsAfter.body()).isEqualTo(reservationsBefore.body());
  }

  @Test
  void requestIdIsKeptWhenSaneAndGeneratedOtherwise() throws Exception {
    var kept = get(app, "/api/v1/readyz", "X-Request-ID", "abc-123-def-456");
    assertThat(kept.headers().firstValue("X-Request-ID")).hasValue("abc-123-def-456");
    var replaced = get(app, "/api/v1/readyz", "X-Request-ID", "bad id with spaces");
    assertThat(replaced.headers().firstValue("X-Request-ID"))
        .hasValueSatisfying(id -> assertThat(id).hasSize(36).isNotEqualTo("bad id with spaces"));
  }

  @Test
  void oversizedBodiesAre413Json() throws Exception {
    var response = post(app, "/api/v1/admin/login", "{\"email\":\"" + "x".repeat(4000) + "\"}");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\":\"payload_too_large\"");
  }

  @Test
  void oversizedChunkedBodiesWithoutContentLengthAre413JsonToo() throws Exception {
    byte[] big = ("{\"email\":\"" + "x".repeat(4000) + "\"}").getBytes();
    var response =
        TestApps.send(
            TestApps.request(app, "/api/v1/admin/login")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big))));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\":\"payload_too_large\"");
  }

  @Test
  void unknownRoutesAre404Json() throws Exception {
    var response = get(app, "/api/v1/nothing-here");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"error\":\"not_found\"");
  }

  @Test
  void metricsExposeBusinessCountersAndLatencyByRouteTemplate() throws Exception {
    get(app, "/api/v1/healthz");
    get(app, "/api/v1/admin/me");
    var response = get(app, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("reservations_created_total{channel=\"whatsapp\"} 0")
        .contains("reservations_confirmed_total{channel=\"whatsapp\"} 0")
        .contains("reservations_expired_total 0")
        .contains("reservations_date_overlap_total{channel=\"admin\"} 0")
        .contains("http_server_requests_seconds_bucket{")
        .contains("route=\"/api/v1/healthz\"")
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/admin/me\",status=\"401\"}")
        .contains("jvm_memory_used_bytes")
        .contains("hikaricp_connections_active")
        .contains("storage_unreadable_rows_total 0.0")
        .contains("job_runs_total{job=\"expire_holds\",outcome=\"failure\"}")
        .contains("job_last_success_timestamp_seconds{job=\"dispatch_events\"}")
        .contains("event_deliveries_pending")
        .contains("job_runs_total{job=\"sync_ical_feeds\",outcome=\"success\"}")
        .contains("ical_sync_total{outcome=\"failed\",source=\"airbnb\"} 0")
        .contains("ical_events_imported{source=\"vrbo\"}")
        .contains("ical_conflicts_total{source=\"booking\"} 0")
        .contains("ical_export_requests_total{outcome=\"not_found\"}");
    assertThat(response.body()).doesNotContain("route=\"/api/v1/nothing-here\"");
  }

  @Test
  void aDatabaseThatIsDownAtStartStopsTheStartWithOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> env = TestApps.baseEnv(TestDatabases.freshDatabase());
    env.put("DATABASE_URL", "postgresql://booking:pw@127.0.0.1:" + closedPort + "/booking");
    BookingApp doomed = BookingApp.create(Config.from(env), Clock.systemUTC());
    assertThatThrownBy(() -> doomed.start(0))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(":pw@"));
  }
}
