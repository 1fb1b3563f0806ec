package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.config.Config;
import ar.booking.app.http.Json;
import ar.booking.core.testing.MutableClock;
import ar.booking.payments.mercadopago.WebhookSignature;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One running app on a fresh PostgreSQL database, talking to a {@link MercadoPagoStandIn}, on a
 * clock the test moves; with helpers to hold nights, sign notifications and read what was stored.
 */
final class MercadoPagoFixture implements AutoCloseable {

  static final String SECRET = "it-webhook-secret-0123456789abcdef";

  final MercadoPagoStandIn mp;
  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  final PostgresSettings database = TestDatabases.freshDatabase();
  final BookingApp app;
  final String token;
  private int nextDay = 30;

  MercadoPagoFixture(Consumer<Map<String, String>> settings) throws Exception {
    mp = new MercadoPagoStandIn();
    Map<String, String> env = TestApps.baseEnv(database);
    env.put("BASE_URL", "https://reservas.example.com");
    env.put("MERCADOPAGO_API_BASE_URL", mp.url());
    env.put("MERCADOPAGO_ACCESS_TOKEN", "TEST-1234-it");
    env.put("MERCADOPAGO_WEBHOOK_SECRET", SECRET);
    env.put("MERCADOPAGO_WEBHOOK_MAX_AGE_SECONDS", "300");
    env.put("JOB_EVENTS_INTERVAL_SECONDS", "300");
    env.put("JOB_PAYMENT_RECONCILE_INTERVAL_SECONDS", "86400");
    env.put("RATE_LIMIT_REQUESTS", "10000");
    settings.accept(env);
    app = BookingApp.create(Config.from(env), clock).start(0);
    token = TestApps.login(app);
  }

  String[] auth() {
    return new String[] {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  long unit() throws Exception {
    var unit =
        TestApps.post(
            app,
            "/api/v1/admin/accommodations",
            "{\"name\": \"Cabaña "
                + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"type\": \"cabin\", \"capacity\": 4, \"base_price\": 10000}",
            auth());
    assertThat(unit.statusCode()).as(unit.body()).isEqualTo(201);
    return json(unit).get("id").asLong();
  }

  /** A guest hold the owner enters: 3 nights, some weeks ahead. */
  JsonNode hold(long unit) throws Exception {
    LocalDate in = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(nextDay);
    nextDay += 5;
    return hold(unit, in, in.plusDays(3));
  }

  JsonNode hold(long unit, LocalDate in, LocalDate out) throws Exception {
    var held =
        TestApps.post(
            app,
            "/api/v1/admin/reservations",
            "{\"accommodation_id\": %d, \"check_in\": \"%s\", \"check_out\": \"%s\", \"guests\": 2, \"guest_name\": \"Ana\", \"guest_phone\": \"+5492944123456\", \"kind\": \"hold\"}"
                .formatted(unit, in, out),
            auth());
    assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
    return json(held);
  }

  JsonNode link(String code) throws Exception {
    var link =
        TestApps.post(app, "/api/v1/admin/reservations/" + code + "/payment-link", "", auth());
    assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
    return json(link);
  }

  JsonNode reservation(String code) throws Exception {
    var read = TestApps.get(app, "/api/v1/admin/reservations/" + code, auth());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    return json(read);
  }

  String status(String code) throws Exception {
    return reservation(code).get("status").asText();
  }

  /** A notification exactly as Mercado Pago sends it, signed with {@code secret}. */
  HttpResponse<String> notify(String id, String action, String secret, String ts, String signedId)
      throws Exception {
    String requestId = UUID.randomUUID().toString();
    String signature =
        secret == null
            ? null
            : "ts="
                + ts
                + ",v1="
                + WebhookSignature.sign(secret, WebhookSignature.manifest(signedId, requestId, ts));
    List<String> headers =
        new ArrayList<>(List.of("Content-Type", "application/json", "x-request-id", requestId));
    if (signature != null) {
      headers.add("x-signature");
      headers.add(signature);
    }
    String body =
        "{\"id\":12345,\"live_mode\":false,\"type\":\"payment\",\"action\":\""
            + action
            + "\",\"api_version\":\"v1\",\"date_created\":\"2026-11-25T12:00:00Z\",\"user_id\":44,\"data\":{\"id\":\""
            + id
            + "\"}}";
    return TestApps.post(
        app,
        "/api/v1/mercadopago/webhook?data.id=" + id + "&type=payment",
        body,
        headers.toArray(String[]::new));
  }

  HttpResponse<String> notify(String id, String action) throws Exception {
    return notify(id, action, SECRET, seconds(), id);
  }

  String seconds() {
    return String.valueOf(clock.instant().getEpochSecond());
  }

  int process() {
    return app.mercadoPago().processing().processDue();
  }

  /** The data of the events of {@code type} in {@code stream}, oldest first. */
  List<JsonNode> events(String stream, String type) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT data::text FROM domain_event WHERE stream = ? AND type = ? ORDER BY id")) {
      s.setString(1, stream);
      s.setString(2, type);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(Json.mapper().readTree(rs.getString(1)));
        }
      }
    }
    return found;
  }

  long count(String sql, String value) throws Exception {
    try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  String metrics() throws Exception {
    return TestApps.get(app, "/metrics").body();
  }

  @Override
  public void close() {
    app.stop();
    mp.close();
  }
}
