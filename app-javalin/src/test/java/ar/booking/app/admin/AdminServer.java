package ar.booking.app.admin;

import ar.booking.app.Adapters;
import ar.booking.app.BookingApp;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.config.Config;
import ar.booking.app.http.Json;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.event.EventLog;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.payment.Payments;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.scheduling.JobSchedule;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real app ({@link BookingApp}: authentication, request tracking, every route) on the given
 * adapters — in memory or PostgreSQL — on port 0, logged in as its owner with a real token, and a
 * small JSON client for the admin API.
 */
final class AdminServer implements AutoCloseable {

  static final String ADMIN_EMAIL = "test@example.com";
  static final String ACTOR = "admin:" + ADMIN_EMAIL;
  static final String ADMIN_PASSWORD = "correct horse battery staple";
  static final String ICS_SALT = "0123456789abcdef0123456789abcdef-admin-ics-salt";
  static final ObjectMapper JSON = Json.mapper();

  /** The use cases over the same ports as the app, for arranging what the API cannot create. */
  final BookingEngine engine;

  final BookingApp app;
  private final String authorization;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A response: status, headers and the body (parsed when it is JSON). */
  record Response(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  AdminServer(
      Accommodations accommodations,
      Reservations reservations,
      Transactions transactions,
      Payments payments,
      EventLog events,
      JobSchedule jobs,
      CalendarFeeds feeds,
      BookingLocks locks,
      Clock clock) {
    this(
        accommodations,
        reservations,
        transactions,
        payments,
        events,
        jobs,
        feeds,
        locks,
        clock,
        true);
  }

  /** With {@code logIn} false, requests carry no token. */
  AdminServer(
      Accommodations accommodations,
      Reservations reservations,
      Transactions transactions,
      Payments payments,
      EventLog events,
      JobSchedule jobs,
      CalendarFeeds feeds,
      BookingLocks locks,
      Clock clock,
      boolean logIn) {
    engine =
        new BookingEngine(
            accommodations,
            reservations,
            transactions,
            locks,
            BookingEvents.NONE,
            clock,
            BookingSettings.DEFAULT);
    // Payments, messages and notifications are not under test here: a store of their own.
    InMemoryStores paymentSide = InMemoryStores.create();
    Adapters adapters =
        new Adapters(
            accommodations,
            reservations,
            transactions,
            payments,
            events,
            jobs,
            feeds,
            paymentSide.paymentLinks(),
            paymentSide.paymentNotifications(),
            new InMemoryOwnerAccounts(),
            locks,
            clock,
            List.of(),
            List.of(),
            List.of(),
            paymentSide.outbox(),
            paymentSide.inbox(),
            paymentSide.alertSettings(),
            paymentSide.timelineSteps(),
            paymentSide.conversations());
    app = BookingApp.create(config(), adapters, List.of(), new PasswordHasher(4)).start(0);
    authorization = logIn ? "Bearer " + logIn() : null;
  }

  /** A test run on the adapters: no DATABASE_URL, real secrets, no rate limits (bursts of 50). */
  private static Config config() {
    return Config.from(
        Map.of(
            "ENVIRONMENT", "test",
            "ADMIN_EMAIL", ADMIN_EMAIL,
            "ADMIN_PASSWORD", ADMIN_PASSWORD,
            "JWT_SECRET", "0123456789abcdef0123456789abcdef-admin-server",
            "ICS_SALT", ICS_SALT,
            "RATE_LIMIT_ENABLED", "false",
            "DATA_DIR", System.getProperty("java.io.tmpdir"),
            "SHUTDOWN_TIMEOUT_SECONDS", "2",
            "PORT", "0"));
  }

  private String logIn() {
    HttpRequest.Builder login =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + AdminApi.PREFIX + "/login"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json(
                        "{'email': '%s', 'password': '%s'}"
                            .formatted(ADMIN_EMAIL, ADMIN_PASSWORD))));
    Response response = send(login);
    if (response.status() != 200) {
      throw new AssertionError("login failed: " + response.body());
    }
    return response.json().get("token").asText();
  }

  /**
   * On the in-memory stores, with the in-process lock and a clock fixed at {@code Fixtures.NOW}.
   */
  static AdminServer inMemory(InMemoryStores stores) {
    return new AdminServer(
        stores.accommodations(),
        stores.reservations(),
        stores.transactions(),
        stores.payments(),
        stores.events(),
        stores.jobSchedule(),
        stores.calendarFeeds(),
        new InProcessBookingLocks(),
        new MutableClock(Fixtures.NOW));
  }

  /**
   * A request outside the admin prefix, without the token: {@code absolutePath} from the root, then
   * header name/value pairs.
   */
  Response getPublic(String absolutePath, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + absolutePath)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response post(String path, String json) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response delete(String path) {
    return send(request(path).DELETE());
  }

  Response put(String path, String json) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  CompletableFuture<Response> postAsync(String path, String json) {
    return client
        .sendAsync(
            request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(r.statusCode(), r.body(), r));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + AdminApi.PREFIX + path))
            .header("Content-Type", "application/json");
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Adds a unit through the API: a cabin for 4 at 10 000 ARS, weekend ×1.2, 30 % deposit. */
  long addCabin(String name, int capacity) {
    Response response =
        post(
            "/accommodations",
            json(
                "{'name': '%s', 'type': 'cabin', 'capacity': %d, 'base_price': 10000,"
                        .formatted(name, capacity)
                    + " 'weekend_multiplier': 1.2, 'deposit_percentage': 30}"));
    if (response.status() != 201) {
      throw new AssertionError(response.body());
    }
    return response.json().get("id").asLong();
  }

  /** A JSON text from single-quoted test literals: {@code {'a': 1}} → {@code {"a": 1}}. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  @Override
  public void close() {
    app.stop();
  }
}
