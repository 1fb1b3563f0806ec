package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.BookingApp;
import ar.booking.app.config.Config;
import ar.booking.app.console.ConsoleServer.Browser;
import ar.booking.app.console.ConsoleServer.Page;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.testing.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console in production mode on a real PostgreSQL: the session cookie is {@code Secure}, and
 * adding a unit and blocking its nights from the console land in the database.
 */
class ConsoleProductionIT {

  @Test
  void inProductionTheSessionCookieIsSecureAndTheConsoleWorksOnPostgres() throws Exception {
    PostgresSettings database = TestDatabases.freshDatabase();
    Map<String, String> env = new HashMap<>();
    env.put("ENVIRONMENT", "production");
    env.put("DATABASE_URL", url(database));
    env.put("DB_POOL_SIZE", "5");
    env.put("ADMIN_EMAIL", ConsoleServer.EMAIL);
    env.put("ADMIN_PASSWORD", ConsoleServer.PASSWORD);
    env.put("JWT_SECRET", "9f8e7d6c5b4a39281706f5e4d3c2b1a0-console-prod-secret");
    env.put("ICS_SALT", "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d-console-prod-salt");
    env.put("METRICS_TOKEN", "4be1c0de5eed7a1e9f3b2c8d6e0a4f71-console-scrape");
    env.put("BASE_URL", "https://reservas.example.com");
    // Required in production once the Mercado Pago feature is merged; ignored before.
    env.put("MERCADOPAGO_ACCESS_TOKEN", "APP_USR-console-prod-like-token");
    env.put("MERCADOPAGO_WEBHOOK_SECRET", "console-prod-like-webhook-secret");
    env.put("WHATSAPP_APP_SECRET", "e1f2a3b4c5d6e7f8091a2b3c4d5e6f70");
    env.put("WHATSAPP_VERIFY_TOKEN", "5d6e7f8091a2b3c4d5e6f708192a3b4c-verify");
    env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-console-test-token");
    env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
    env.put("DATA_DIR", Files.createTempDirectory("console-prod").toString());
    env.put("PORT", "0");
    env.put("SHUTDOWN_TIMEOUT_SECONDS", "5");
    BookingApp app = BookingApp.create(Config.from(env), Clock.systemUTC()).start(0);
    try {
      Browser browser = new Browser("http://127.0.0.1:" + app.port());
      Page form = browser.get("/admin/login");
      Page login =
          browser.post(
              "/admin/login",
              "_csrf",
              form.csrf(),
              "email",
              ConsoleServer.EMAIL,
              "password",
              ConsoleServer.PASSWORD);
      assertThat(login.status()).isEqualTo(303);
      assertThat(login.headers("Set-Cookie"))
          .filteredOn(c -> c.startsWith(ConsoleSessions.COOKIE + "="))
          .singleElement()
          .satisfies(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
      assertThat(form.headers("Set-Cookie"))
          .allSatisfy(c -> assertThat(c).contains("Secure", "HttpOnly"));

      Page added =
          browser.post(
              "/admin/units",
              "_csrf",
              browser.csrf(),
              "name",
              "Cabaña del Río",
              "type",
              "CABIN",
              "capacity",
              "4",
              "base_price",
              "25000");
      assertThat(added.status()).as(added.body()).isEqualTo(303);
      long unit = Long.parseLong(added.header("Location").replaceAll("\\D+(\\d+)\\?.*", "$1"));
      LocalDate night = LocalDate.now(ZoneId.of("America/Argentina/Buenos_Aires")).plusDays(3);
      Page blocked =
          browser.post(
              "/admin/block",
              "_csrf",
              browser.csrf(),
              "note",
              "Mantenimiento",
              "night",
              unit + ":" + night);
      assertThat(blocked.header("Location")).endsWith("notice=blocked");
      String grid = browser.get("/admin?month=" + night.toString().substring(0, 7)).body();
      assertThat(grid).contains("Cabaña del Río", "Bloqueo: Mantenimiento");
      // The developer's sandbox does not exist in production.
      assertThat(browser.get("/sandbox").status()).isEqualTo(404);
      assertThat(browser.post("/sandbox/send", "text", "hola").status()).isEqualTo(404);
    } finally {
      app.stop();
    }
  }

  private static String url(PostgresSettings settings) {
    StringBuilder url = new StringBuilder(settings.jdbcUrl());
    url.append(settings.jdbcUrl().contains("?") ? '&' : '?');
    url.append("user=").append(URLEncoder.encode(settings.user(), StandardCharsets.UTF_8));
    if (settings.password() != null) {
      url.append("&password=")
          .append(URLEncoder.encode(settings.password(), StandardCharsets.UTF_8));
    }
    return url.toString();
  }
}
