package ar.booking.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.Adapters;
import ar.booking.app.BookingApp;
import ar.booking.app.config.Config;
import ar.booking.app.http.Json;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/admin/password} on the real app over in-memory adapters. */
class PasswordChangeApiTest {

  private static final String EMAIL = "owner@cabanas.test";
  private static final String PASSWORD = "correct horse battery staple";
  private static final String NEW_PASSWORD = "tr0mbone-Patagonia-42";

  private final HttpClient client = HttpClient.newHttpClient();
  private final BookingApp app =
      BookingApp.create(
              Config.from(
                  Map.of(
                      "ENVIRONMENT",
                      "test",
                      "ADMIN_EMAIL",
                      EMAIL,
                      "ADMIN_PASSWORD",
                      PASSWORD,
                      "JWT_SECRET",
                      "0123456789abcdef0123456789abcdef-password-test",
                      "RATE_LIMIT_ENABLED",
                      "false",
                      "DATA_DIR",
                      System.getProperty("java.io.tmpdir"))),
              Adapters.inMemory(new MutableClock(Fixtures.NOW)),
              List.of(),
              new PasswordHasher(4))
          .start(0);

  @AfterEach
  void stop() {
    app.stop();
  }

  private record Answer(int status, JsonNode json) {}

  private Answer post(String path, String body, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return answer(request);
  }

  private Answer me(String token) throws Exception {
    return answer(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/admin/me"))
            .header("Authorization", "Bearer " + token));
  }

  private Answer answer(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), Json.mapper().readTree(response.body()));
  }

  private Answer login(String password) throws Exception {
    return post(
        "/api/v1/admin/login",
        "{\"email\":\"" + EMAIL + "\",\"password\":\"" + password + "\"}",
        null);
  }

  private Answer change(String token, String current, String next) throws Exception {
    return post(
        "/api/v1/admin/password",
        "{\"current_password\":\"" + current + "\",\"new_password\":\"" + next + "\"}",
        token);
  }

  @Test
  void aChangeAnswersAFreshTokenAndEveryTokenIssuedBeforeStopsWorking() throws Exception {
    String first = login(PASSWORD).json().get("token").asText();
    String second = login(PASSWORD).json().get("token").asText();

    Answer changed = change(first, PASSWORD, NEW_PASSWORD);

    assertThat(changed.status()).isEqualTo(200);
    String fresh = changed.json().get("token").asText();
    assertThat(changed.json().has("expires_at")).isTrue();
    for (String old : List.of(first, second)) {
      Answer refused = me(old);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("error").asText()).isEqualTo("unauthorized");
    }
    assertThat(me(fresh).status()).isEqualTo(200);
    assertThat(login(PASSWORD).status()).isEqualTo(401);
    assertThat(login(NEW_PASSWORD).status()).isEqualTo(200);
    assertThat(change(first, NEW_PASSWORD, "yet-another-Passw0rd").status())
        .as("an old token cannot change it again")
        .isEqualTo(401);
  }

  @Test
  void aWrongCurrentPasswordIs401WithTheBodyOfAFailedLogin() throws Exception {
    String token = login(PASSWORD).json().get("token").asText();
    Answer wrong = change(token, "not my password at all", NEW_PASSWORD);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json()).isEqualTo(login("not my password at all").json());
    assertThat(me(token).status()).as("nothing changed").isEqualTo(200);
  }

  @Test
  void aWeakNewPasswordIs400NamingTheRule() throws Exception {
    String token = login(PASSWORD).json().get("token").asText();
    Map<String, String> rules =
        Map.of(
            "short1!",
            "at least 12 characters long",
            "changeme",
            "at least 12 characters long",
            "aaaaaaaaaaaabbbb",
            "made of at least 6 different characters",
            PASSWORD,
            "different from the current password",
            "Ab1!".repeat(20),
            "at most 72 bytes long");
    for (var rule : rules.entrySet()) {
      Answer refused = change(token, PASSWORD, rule.getKey());
      assertThat(refused.status()).as(rule.getKey()).isEqualTo(400);
      assertThat(refused.json().get("error").asText()).isEqualTo("invalid_request");
      assertThat(refused.json().get("field").asText()).isEqualTo("new_password");
      assertThat(refused.json().get("message").asText()).contains(rule.getValue());
    }
    assertThat(me(token).status()).as("nothing changed").isEqualTo(200);
  }

  @Test
  void theChangeNeedsATokenAndBothFields() throws Exception {
    assertThat(change(null, PASSWORD, NEW_PASSWORD).status()).isEqualTo(401);
    String token = login(PASSWORD).json().get("token").asText();
    Answer missing = post("/api/v1/admin/password", "{\"new_password\":\"x\"}", token);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
  }
}
