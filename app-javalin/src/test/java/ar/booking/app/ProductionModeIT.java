package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.app.config.Config;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionModeIT {

  static final String METRICS_TOKEN = "4be1c0de5eed7a1e9f3b2c8d6e0a4f71-scrape-token";

  private static Map<String, String> production(PostgresSettings database, Path dataDir) {
    Map<String, String> env = TestApps.baseEnv(database);
    env.put("ENVIRONMENT", "production");
    env.put("JWT_SECRET", "9f8e7d6c5b4a39281706f5e4d3c2b1a0-prod-like-secret");
    env.put("BASE_URL", "https://reservas.example.com");
    env.put("METRICS_TOKEN", METRICS_TOKEN);
    env.put("ICS_SALT", "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d-prod-like-ics-salt");
    env.put("MERCADOPAGO_ACCESS_TOKEN", "APP_USR-prod-like-token");
    env.put("MERCADOPAGO_WEBHOOK_SECRET", "prod-like-webhook-secret");
    env.put("DATA_DIR", dataDir.toString());
    env.put("WHATSAPP_APP_SECRET", "e1f2a3b4c5d6e7f8091a2b3c4d5e6f70");
    env.put("WHATSAPP_VERIFY_TOKEN", "5d6e7f8091a2b3c4d5e6f708192a3b4c-verify");
    env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-test-access-token");
    env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
    return env;
  }

  @Test
  void productionStartsWithRealSecretsSeedsNothingAndGeneratesNothing() throws Exception {
    PostgresSettings database = TestDatabases.freshDatabase();
    Path dataDir = Files.createTempDirectory("booking-prod");
    BookingApp app =
        BookingApp.create(Config.from(production(database, dataDir)), Clock.systemUTC());
    app.start(0);
    try {
      String token = TestApps.login(app);
      assertThat(
              TestApps.get(app, "/api/v1/admin/me", "Authorization", "Bearer " + token)
                  .statusCode())
          .isEqualTo(200);
      try (Connection c = TestDatabases.connect(database);
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT count(*) FROM accommodation")) {
        rows.next();
        assertThat(rows.getInt(1)).as("no demo units in production").isZero();
      }
      assertThat(dataDir.resolve("jwt-secret")).as("no generated secret").doesNotExist();

      HttpResponse<String> health = TestApps.get(app, "/api/v1/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body())
          .contains("\"database\":{\"status\":\"up\"}")
          .doesNotContain("latency_ms")
          .doesNotContain("free_bytes")
          .doesNotContain("heap_");

      HttpResponse<String> anonymous = TestApps.get(app, "/metrics");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");
      assertThat(TestApps.get(app, "/metrics", "Authorization", "Bearer " + token).statusCode())
          .as("an admin token is not the metrics token")
          .isEqualTo(401);
      HttpResponse<String> scrape =
          TestApps.get(app, "/metrics", "Authorization", "Bearer " + METRICS_TOKEN);
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("hikaricp_connections_max");
      assertThat(dataDir.resolve("postgres")).as("no embedded database").doesNotExist();
    } finally {
      app.stop();
    }
  }

  @Test
  void productionWithoutAnAdminAndWithoutAdminPasswordRefusesToStart() throws Exception {
    Map<String, String> env =
        production(TestDatabases.freshDatabase(), Files.createTempDirectory("booking-prod"));
    env.remove("ADMIN_PASSWORD");
    BookingApp app = BookingApp.create(Config.from(env), Clock.systemUTC());
    assertThatThrownBy(() -> app.start(0))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("ADMIN_PASSWORD");
  }

  @Test
  void testModeOnARealDatabaseGeneratesNoAdminPasswordAndNoSecret() throws Exception {
    Path dataDir = Files.createTempDirectory("booking-test-mode");
    Map<String, String> env = TestApps.baseEnv(TestDatabases.freshDatabase());
    env.put("DATA_DIR", dataDir.toString());
    env.remove("ADMIN_PASSWORD");
    BookingApp app = BookingApp.create(Config.from(env), Clock.systemUTC());
    assertThatThrownBy(() -> app.start(0))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("ADMIN_PASSWORD");
    assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
  }
}
