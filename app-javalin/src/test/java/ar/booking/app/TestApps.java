package ar.booking.app;

import ar.booking.app.config.Config;
import ar.booking.persistence.PostgresSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starts the real app on a fresh test database and talks HTTP to it. */
final class TestApps {

  static final String ADMIN_EMAIL = "owner@cabanas.test";
  static final String ADMIN_PASSWORD = "correct horse battery staple";
  static final String JWT_SECRET = "0123456789abcdef0123456789abcdef-test-secret";
  static final String ICS_SALT = "fedcba9876543210fedcba9876543210-test-ics-salt";

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestApps() {}

  static String databaseUrl(PostgresSettings settings) {
    StringBuilder url = new StringBuilder(settings.jdbcUrl());
    url.append(settings.jdbcUrl().contains("?") ? '&' : '?');
    url.append("user=").append(URLEncoder.encode(settings.user(), StandardCharsets.UTF_8));
    if (settings.password() != null) {
      url.append("&password=")
          .append(URLEncoder.encode(settings.password(), StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  static Map<String, String> baseEnv(PostgresSettings database) {
    try {
      Map<String, String> env = new HashMap<>();
      env.put("ENVIRONMENT", "test");
      env.put("DATABASE_URL", databaseUrl(database));
      env.put("DB_POOL_SIZE", "5");
      env.put("ADMIN_EMAIL", ADMIN_EMAIL);
      env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
      env.put("JWT_SECRET", JWT_SECRET);
      env.put("ICS_SALT", ICS_SALT);
      env.put("DATA_DIR", Files.createTempDirectory("booking-data").toString());
      env.put("PORT", "0");
      env.put("SHUTDOWN_TIMEOUT_SECONDS", "10");
      return env;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static BookingApp start(Map<String, String> env) {
    return BookingApp.create(Config.from(env), Clock.systemUTC()).start(0);
  }

  static HttpResponse<String> get(BookingApp app, String path, String... headers) throws Exception {
    return send(request(app, path, headers).GET());
  }

  static HttpResponse<String> post(BookingApp app, String path, String body, String... headers)
      throws Exception {
    return send(request(app, path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static HttpRequest.Builder request(BookingApp app, String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String login(BookingApp app) throws Exception {
    HttpResponse<String> response =
        post(
            app,
            "/api/v1/admin/login",
            "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    if (response.statusCode() != 200) {
      throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
    }
    String body = response.body();
    int start = body.indexOf("\"token\":\"") + 9;
    return body.substring(start, body.indexOf('"', start));
  }

  static Path tempDir() throws java.io.IOException {
    return Files.createTempDirectory("booking-test");
  }
}
