package ar.booking.app.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.http.Actors;
import ar.booking.app.http.HttpApi;
import ar.booking.app.http.Json;
import ar.booking.core.conversation.SpanishRequestParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NluApiTest {

  // 2026-11-28 02:00 UTC is still 27 November in Buenos Aires (UTC-3).
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("UTC"));

  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin server;

  private void start(boolean authenticated) {
    NluApi api =
        new NluApi(new SpanishRequestParser(), CLOCK, ZoneId.of("America/Argentina/Buenos_Aires"));
    List<ar.booking.app.http.RouteGroup> groups = new ArrayList<>();
    if (authenticated) {
      groups.add(routes -> routes.before(ctx -> ctx.attribute(Actors.ATTRIBUTE, "admin:o@x.ar")));
    }
    groups.add(api.routes());
    server = HttpApi.create(Json.mapper(), groups).start(0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + NluApi.PATH))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersTheFixedShapeWithIsoDatesAndNullsForWhatIsAbsent() throws Exception {
    start(true);
    var response =
        post(
            "{\"text\": \"hola! tienen algo del 5 al 8 de enero para 2 adultos y un nene?\","
                + " \"today\": \"2026-11-25\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = Json.mapper().readTree(response.body());
    assertThat(json.get("intent").asText()).isEqualTo("availability");
    assertThat(json.get("check_in").asText()).isEqualTo("2027-01-05");
    assertThat(json.get("check_out").asText()).isEqualTo("2027-01-08");
    assertThat(json.get("nights").asInt()).isEqualTo(3);
    assertThat(json.get("guests").asInt()).isEqualTo(3);
    assertThat(json.get("adults").asInt()).isEqualTo(2);
    assertThat(json.get("children").asInt()).isEqualTo(1);
    assertThat(json.get("unit_hint").isNull()).isTrue();
    assertThat(json.get("problems").isArray()).isTrue();
    assertThat(json.get("problems")).isEmpty();
    assertThat(json.properties().stream().map(e -> e.getKey()).toList())
        .containsExactly(
            "intent",
            "check_in",
            "check_out",
            "nights",
            "guests",
            "adults",
            "children",
            "unit_hint",
            "problems");
  }

  @Test
  void todayDefaultsToTheDateInTheLodgingsTimeZone() throws Exception {
    start(true);
    // "hoy" on 28 Nov 02:00 UTC is the 27th in Buenos Aires; "mañana" is the 28th.
    var response = post("{\"text\": \"hay lugar de hoy a mañana?\"}");
    JsonNode json = Json.mapper().readTree(response.body());
    assertThat(json.get("check_in").asText()).isEqualTo("2026-11-27");
    assertThat(json.get("check_out").asText()).isEqualTo("2026-11-28");
  }

  @Test
  void impossibleDatesComeBackAsProblemsWithoutDates() throws Exception {
    start(true);
    var response = post("{\"text\": \"del 31/04 al 3/05 somos 2\", \"today\": \"2026-11-25\"}");
    JsonNode json = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.get("check_in").isNull()).isTrue();
    assertThat(json.get("check_out").isNull()).isTrue();
    assertThat(json.get("problems").get(0).get("code").asText()).isEqualTo("invalid_date");
  }

  @Test
  void badInputIsAClear400() throws Exception {
    start(true);
    assertThat(post("{\"text\": \"  \"}").statusCode()).isEqualTo(400);
    assertThat(post("{}").body()).contains("\"error\":\"invalid_request\"").contains("'text'");
    var badToday = post("{\"text\": \"hola\", \"today\": \"25/11/2026\"}");
    assertThat(badToday.statusCode()).isEqualTo(400);
    assertThat(badToday.body()).contains("'today'");
    assertThat(post("{\"text\": \"" + "a".repeat(NluApi.MAX_TEXT_LENGTH + 1) + "\"}").statusCode())
        .isEqualTo(400);
    assertThat(post("not json").statusCode()).isEqualTo(400);
  }

  @Test
  void withoutAnAuthenticatedOwnerItIs401() throws Exception {
    start(false);
    var response = post("{\"text\": \"hola\"}");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"error\":\"unauthorized\"");
  }
}
