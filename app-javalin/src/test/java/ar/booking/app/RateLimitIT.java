package ar.booking.app;

import static ar.booking.app.TestApps.get;
import static ar.booking.app.TestApps.post;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.persistence.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimitIT {

  private static BookingApp app;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestApps.baseEnv(TestDatabases.freshDatabase());
    env.put("RATE_LIMIT_REQUESTS", "6");
    env.put("LOGIN_RATE_LIMIT_REQUESTS", "2");
    env.put("RATE_LIMIT_WINDOW_SECONDS", "600");
    app = TestApps.start(env);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void loginIsLimitedHarderThanTheRestOfTheAdminApiAndBothAnswer429WithRetryAfter()
      throws Exception {
    String token = TestApps.login(app); // admin 1, login 1
    var wrong =
        post(app, "/api/v1/admin/login", "{\"email\":\"x@y.z\",\"password\":\"nope\"}"); // 2, 2
    assertThat(wrong.statusCode()).isEqualTo(401);
    var limitedLogin =
        post(app, "/api/v1/admin/login", "{\"email\":\"x@y.z\",\"password\":\"nope\"}"); // 3, 3
    assertThat(limitedLogin.statusCode()).isEqualTo(429);
    assertThat(limitedLogin.body()).contains("\"error\":\"rate_limited\"");
    assertThat(limitedLogin.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 600L));

    for (int i = 4; i <= 6; i++) {
      assertThat(get(app, "/api/v1/admin/me", "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(200);
    }
    var limited = get(app, "/api/v1/admin/me", "Authorization", "Bearer " + token);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("\"retry_after_seconds\":");

    assertThat(get(app, "/api/v1/healthz").statusCode())
        .as("health is not rate limited")
        .isEqualTo(200);
  }
}
