package ar.booking.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.http.HttpApi;
import ar.booking.app.http.Json;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthApiTest {

  private static final HttpClient client = HttpClient.newHttpClient();

  private record Answer(int status, String body) {}

  private static Answer get(HealthChecks checks, AtomicBoolean ready, String path)
      throws Exception {
    return get(new HealthApi(checks, ready::get), path);
  }

  private static Answer get(HealthApi api, String path) throws Exception {
    Javalin server = HttpApi.create(Json.mapper(), List.of(api)).start(0);
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } finally {
      server.stop();
    }
  }

  private static HealthCheck up() {
    return () -> HealthCheck.Result.up(Map.of());
  }

  private static HealthCheck down() {
    return () -> HealthCheck.Result.down(Map.of("error", "refused"));
  }

  @Test
  void allChecksUpIsHealthy200() throws Exception {
    var answer =
        get(
            new HealthChecks().critical("database", up()).degrading("redis", up()),
            new AtomicBoolean(true),
            HealthApi.HEALTHZ);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"status\":\"healthy\"")
        .contains("\"redis\":{\"status\":\"up\",\"latency_ms\":");
  }

  @Test
  void aNonCriticalCheckDownIsDegradedButStill200() throws Exception {
    var answer =
        get(
            new HealthChecks().critical("database", up()).degrading("redis", down()),
            new AtomicBoolean(true),
            HealthApi.HEALTHZ);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"status\":\"degraded\"")
        .contains("\"redis\":{\"status\":\"down\"");
  }

  @Test
  void aCriticalCheckDownOrThrowingIsUnhealthy503() throws Exception {
    HealthCheck throwing =
        () -> {
          throw new IllegalStateException("boom");
        };
    var answer =
        get(
            new HealthChecks().critical("database", throwing).degrading("redis", down()),
            new AtomicBoolean(true),
            HealthApi.HEALTHZ);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body()).contains("\"status\":\"unhealthy\"").contains("boom");
  }

  @Test
  void readyzIs503UntilReady() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    assertThat(get(new HealthChecks(), ready, HealthApi.READYZ).status()).isEqualTo(503);
    ready.set(true);
    assertThat(get(new HealthChecks(), ready, HealthApi.READYZ).status()).isEqualTo(200);
  }

  @Test
  void withoutDetailsEachCheckGivesItsNameAndStatusOnly() throws Exception {
    HealthCheck failing =
        () -> {
          throw new IllegalStateException("Connection to db.internal:5432 refused");
        };
    var answer =
        get(
            new HealthApi(
                new HealthChecks()
                    .critical("database", failing)
                    .degrading("redis", down())
                    .degrading("disk", () -> HealthCheck.Result.up(Map.of("free_bytes", 1L))),
                () -> true,
                false),
            HealthApi.HEALTHZ);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body())
        .isEqualTo(
            "{\"status\":\"unhealthy\",\"checks\":{\"database\":{\"status\":\"down\"},"
                + "\"redis\":{\"status\":\"down\"},\"disk\":{\"status\":\"up\"}}}");
  }
}
