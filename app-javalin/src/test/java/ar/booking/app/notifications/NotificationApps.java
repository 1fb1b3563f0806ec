package ar.booking.app.notifications;

import ar.booking.app.Adapters;
import ar.booking.app.BookingApp;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.config.Config;
import ar.booking.app.http.Json;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** App instances on shared in-memory stores, and a small JSON client for the admin API. */
final class NotificationApps {

  static final String ADMIN_EMAIL = "test@example.com";
  static final String ADMIN_PASSWORD = "correct horse battery staple";

  private static final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private NotificationApps() {}

  /** The base environment: a test run without DATABASE_URL, jobs every second. */
  static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("ENVIRONMENT", "test");
    env.put("ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JWT_SECRET", "0123456789abcdef0123456789abcdef-notify-tests");
    env.put("ICS_SALT", "fedcba9876543210fedcba9876543210-notify-tests");
    env.put("RATE_LIMIT_ENABLED", "false");
    env.put("DATA_DIR", System.getProperty("java.io.tmpdir"));
    env.put("SHUTDOWN_TIMEOUT_SECONDS", "2");
    env.put("BASE_URL", "https://reservas.test");
    env.put("JOB_EXPIRATION_INTERVAL_SECONDS", "1");
    env.put("JOB_EVENTS_INTERVAL_SECONDS", "1");
    env.put("JOB_TIMELINE_INTERVAL_SECONDS", "1");
    env.put("JOB_MAIL_INTERVAL_SECONDS", "1");
    env.put("PORT", "0");
    return env;
  }

  static BookingApp start(
      InMemoryStores stores, InMemoryOwnerAccounts accounts, Clock clock, Map<String, String> env) {
    return start(Adapters.inMemory(stores, accounts, clock), env);
  }

  static BookingApp start(Adapters adapters, Map<String, String> env) {
    return BookingApp.create(Config.from(env), adapters, List.of(), new PasswordHasher(4)).start(0);
  }

  /** A logged-in client of one app. */
  record Client(BookingApp app, String token) {

    static Client of(BookingApp app) throws Exception {
      HttpResponse<String> login =
          send(
              app,
              "POST",
              "/api/v1/admin/login",
              "{\"email\": \"" + ADMIN_EMAIL + "\", \"password\": \"" + ADMIN_PASSWORD + "\"}",
              null);
      if (login.statusCode() != 200) {
        throw new AssertionError("login failed: " + login.body());
      }
      return new Client(app, Json.mapper().readTree(login.body()).get("token").asText());
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
      return send(app, method, "/api/v1/admin" + path, body, token);
    }

    JsonNode json(String method, String path, String body) throws Exception {
      HttpResponse<String> response = call(method, path, body);
      if (response.statusCode() >= 300) {
        throw new AssertionError(
            method + " " + path + ": " + response.statusCode() + " " + response.body());
      }
      return Json.mapper().readTree(response.body());
    }
  }

  static HttpResponse<String> send(
      BookingApp app, String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Single quotes to double quotes, for readable JSON in tests. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
