package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin password change on real PostgreSQL, across a restart. */
class PasswordChangeIT {

  private static final String NEW_PASSWORD = "Bariloche-lago-Gutierrez-2027";
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

  private static String token(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher m = TOKEN.matcher(response.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static int me(BookingApp app, String token) throws Exception {
    return TestApps.get(app, "/api/v1/admin/me", "Authorization", "Bearer " + token).statusCode();
  }

  private static int login(BookingApp app, String password) throws Exception {
    return TestApps.post(
            app,
            "/api/v1/admin/login",
            "{\"email\":\"" + TestApps.ADMIN_EMAIL + "\",\"password\":\"" + password + "\"}")
        .statusCode();
  }

  @Test
  void oldTokensDieAtTheChangeTheNewOneWorksAndARestartKeepsBoth() throws Exception {
    PostgresSettings database = TestDatabases.freshDatabase();
    Map<String, String> env = TestApps.baseEnv(database);
    String oldToken;
    String newToken;

    BookingApp app = TestApps.start(env);
    try {
      oldToken = TestApps.login(app);
      assertThat(me(app, oldToken)).isEqualTo(200);

      newToken =
          token(
              TestApps.post(
                  app,
                  "/api/v1/admin/password",
                  "{\"current_password\":\""
                      + TestApps.ADMIN_PASSWORD
                      + "\",\"new_password\":\""
                      + NEW_PASSWORD
                      + "\"}",
                  "Authorization",
                  "Bearer " + oldToken));

      assertThat(me(app, oldToken)).isEqualTo(401);
      assertThat(me(app, newToken)).isEqualTo(200);
      assertThat(login(app, TestApps.ADMIN_PASSWORD)).isEqualTo(401);
      assertThat(login(app, NEW_PASSWORD)).isEqualTo(200);
    } finally {
      app.stop();
    }
    try (Connection c = TestDatabases.connect(database);
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT password_version FROM admin_user WHERE email = '"
                    + TestApps.ADMIN_EMAIL
                    + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getInt(1)).isEqualTo(2);
    }

    // ADMIN_PASSWORD is still the old one in the environment: it only seeds a missing admin.
    BookingApp restarted = TestApps.start(env);
    try {
      assertThat(me(restarted, oldToken)).isEqualTo(401);
      assertThat(me(restarted, newToken)).isEqualTo(200);
      assertThat(login(restarted, TestApps.ADMIN_PASSWORD)).isEqualTo(401);
      assertThat(login(restarted, NEW_PASSWORD)).isEqualTo(200);
    } finally {
      restarted.stop();
    }
  }
}
