package ar.booking.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.ports.StorageFailure;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiTest {

  record Payload(String guestName, BigDecimal amount, Integer guests) {}

  private static Javalin server;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        HttpApi.create(
                Json.mapper(),
                List.of(
                    routes -> {
                      routes.get(
                          "/teapot",
                          ctx -> {
                            throw new ApiException(
                                418, "teapot", "I am a teapot.", Map.of("pot", 1));
                          });
                      routes.post("/echo", ctx -> ctx.json(ctx.bodyAsClass(Payload.class)));
                      routes.get("/who", ctx -> ctx.result(Actors.current(ctx)));
                      routes.get(
                          "/transient",
                          ctx -> {
                            throw new StorageFailure("connection refused", true, null);
                          });
                      routes.get(
                          "/permanent",
                          ctx -> {
                            throw new StorageFailure("column does not exist", false, null);
                          });
                      routes.get(
                          "/bug",
                          ctx -> {
                            throw new IllegalStateException("a bug in a handler");
                          });
                    }))
            .start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
  }

  @Test
  void apiExceptionsBecomeTheErrorBodyWithTheirStatusAndDetails() throws Exception {
    var response = send(at("/teapot"));
    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"teapot\",\"message\":\"I am a teapot.\",\"pot\":1}");
  }

  @Test
  void unknownRoutesAnswerJson404() throws Exception {
    var response = send(at("/nowhere"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"error\":\"not_found\"").contains("/nowhere");
  }

  @Test
  void jsonIsSnakeCaseWithPlainExactDecimals() throws Exception {
    var response =
        send(
            at("/echo")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"guest_name\":\"Ana\",\"amount\":10200.50}")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"guest_name\":\"Ana\",\"amount\":10200.50,\"guests\":null}");
  }

  @Test
  void malformedJsonIs400NamingTheField() throws Exception {
    var response =
        send(at("/echo").POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"lots\"}")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\":\"invalid_json\"").contains("'amount'");
  }

  @Test
  void fractionsAreNotSilentlyTruncatedToIntegers() throws Exception {
    var response = send(at("/echo").POST(HttpRequest.BodyPublishers.ofString("{\"guests\":2.5}")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("'guests'");
  }

  @Test
  void unknownFieldsAreRefused() throws Exception {
    var response =
        send(at("/echo").POST(HttpRequest.BodyPublishers.ofString("{\"guestname\":\"Ana\"}")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("guestname");
  }

  @Test
  void requestsWithoutAnActorAreUnauthorized() throws Exception {
    var response = send(at("/who"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void aRetryableTechnicalFailureIs503WithRetryAfter() throws Exception {
    var response = send(at("/transient"));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
    assertThat(response.body()).contains("\"error\":\"storage_unavailable\"");
  }

  @Test
  void aPermanentTechnicalFailureIs500WithAnErrorIdLoggedWithItsStack() throws Exception {
    try (LogCapture logs = LogCapture.of(HttpApi.class)) {
      var response = send(at("/permanent"));
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("Retry-After")).isEmpty();
      String errorId = assertInternalError(response.body());
      assertThat(logs.errorWith(errorId).getThrowableProxy().getClassName())
          .isEqualTo(StorageFailure.class.getName());
      assertThat(response.body()).doesNotContain("column does not exist");
    }
  }

  @Test
  void anUnexpectedExceptionIs500WithAnErrorIdLoggedWithItsStack() throws Exception {
    try (LogCapture logs = LogCapture.of(HttpApi.class)) {
      var response = send(at("/bug"));
      assertThat(response.statusCode()).isEqualTo(500);
      String errorId = assertInternalError(response.body());
      var logged = logs.errorWith(errorId);
      assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("a bug in a handler");
      assertThat(logged.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
      assertThat(response.body()).doesNotContain("a bug in a handler");
    }
  }

  private static String assertInternalError(String body) throws Exception {
    JsonNode json = Json.mapper().readTree(body);
    assertThat(json.get("error").asText()).isEqualTo("internal_error");
    String errorId = json.get("error_id").asText();
    assertThat(UUID.fromString(errorId).toString()).isEqualTo(errorId);
    assertThat(json.get("message").asText()).contains(errorId);
    return errorId;
  }
}
