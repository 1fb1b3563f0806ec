package ar.booking.app;

import static ar.booking.app.TestApps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseOutageIT {

  private static BookingApp app;
  private static String database;

  @BeforeAll
  static void start() {
    PostgresSettings settings = TestDatabases.freshDatabase();
    String url = settings.jdbcUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    database = path.substring(path.lastIndexOf('/') + 1);
    Map<String, String> env = TestApps.baseEnv(settings);
    app = TestApps.start(env);
  }

  @AfterAll
  static void stop() throws Exception {
    allowConnections(true);
    app.stop();
  }

  private static void allowConnections(boolean allow) throws Exception {
    try (Connection c = TestDatabases.connect(TestDatabases.server());
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
      if (!allow) {
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "' AND pid <> pg_backend_pid()");
      }
    }
  }

  @Test
  void anOutageWhileRunningIs503AndTheAppRecoversWithoutARestart() throws Exception {
    String token = TestApps.login(app);
    String[] auth = {"Authorization", "Bearer " + token};
    assertThat(get(app, "/api/v1/admin/me", auth).statusCode()).isEqualTo(200);

    allowConnections(false);

    var health = get(app, "/api/v1/healthz");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body())
        .contains("\"status\":\"unhealthy\"")
        .contains("\"database\":{\"status\":\"down\"");
    var admin = get(app, "/api/v1/admin/me", auth);
    assertThat(admin.statusCode()).isEqualTo(503);
    assertThat(admin.body()).contains("\"error\":\"storage_unavailable\"");
    assertThat(get(app, "/api/v1/readyz").statusCode())
        .as("the instance itself is fine: restarting it would not help")
        .isEqualTo(200);

    allowConnections(true);

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(get(app, "/api/v1/healthz").statusCode()).isEqualTo(200);
              assertThat(get(app, "/api/v1/admin/me", auth).statusCode()).isEqualTo(200);
            });
  }
}
