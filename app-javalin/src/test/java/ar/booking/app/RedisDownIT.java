package ar.booking.app;

import static ar.booking.app.TestApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.persistence.testing.TestDatabases;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisDownIT {

  @Test
  void anUnreachableRedisLeavesTheServiceDegradedButWorking() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> env = TestApps.baseEnv(TestDatabases.freshDatabase());
    env.put("REDIS_URL", "redis://127.0.0.1:" + closed);
    BookingApp app = TestApps.start(env);
    try {
      var health = get(app, "/api/v1/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body())
          .contains("\"status\":\"degraded\"")
          .contains("\"redis\":{\"status\":\"down\"")
          .contains("\"database\":{\"status\":\"up\"");
      String token = TestApps.login(app);
      assertThat(get(app, "/api/v1/admin/me", "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void aReachableRedisIsReportedUp() throws Exception {
    Map<String, String> env = TestApps.baseEnv(TestDatabases.freshDatabase());
    env.put("REDIS_URL", TestDatabases.redisUrl());
    BookingApp app = TestApps.start(env);
    try {
      var health = get(app, "/api/v1/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"redis\":{\"status\":\"up\"");
    } finally {
      app.stop();
    }
  }
}
