package ar.booking.app;

import static ar.booking.app.TestApps.get;
import static ar.booking.app.TestApps.post;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.http.Json;
import ar.booking.persistence.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole running app (authentication, rate limits, Redis lock, PostgreSQL) taking 50 concurrent
 * owner bookings of overlapping nights: exactly one wins.
 */
class EndToEndBookingIT {

  private static BookingApp app;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestApps.baseEnv(TestDatabases.freshDatabase());
    env.put("REDIS_URL", TestDatabases.redisUrl());
    env.put("DB_POOL_SIZE", "10");
    env.put("RATE_LIMIT_REQUESTS", "1000");
    app = TestApps.start(env);
    token = TestApps.login(app);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static String[] auth() {
    return new String[] {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void fiftyConcurrentOwnerBookingsOfOverlappingNightsGiveOne201AndForty9409s() throws Exception {
    var unit =
        post(
            app,
            "/api/v1/admin/accommodations",
            "{\"name\": \"Cabaña disputada\", \"type\": \"cabin\", \"capacity\": 4,"
                + " \"base_price\": 10000, \"weekend_multiplier\": 1.2}",
            auth());
    assertThat(unit.statusCode()).isEqualTo(201);
    long unitId = json(unit).get("id").asLong();
    LocalDate night = LocalDate.now().plusMonths(3);

    List<Callable<HttpResponse<String>>> attempts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String body =
          "{\"accommodation_id\": %d, \"check_in\": \"%s\", \"check_out\": \"%s\", \"guests\": 2, \"guest_name\": \"Huésped %d\", \"kind\": \"booking\"}"
              .formatted(unitId, night.minusDays(i % 3), night.plusDays(1 + i % 4), i);
      attempts.add(
          () ->
              TestApps.send(
                  TestApps.request(app, "/api/v1/admin/reservations", auth())
                      .POST(HttpRequest.BodyPublishers.ofString(body))));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
      for (Future<HttpResponse<String>> future : pool.invokeAll(attempts)) {
        responses.add(future.get());
      }
    }

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(49);
    String winner =
        json(responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow())
            .get("code")
            .asText();
    for (var refused : responses.stream().filter(r -> r.statusCode() == 409).toList()) {
      assertThat(json(refused).get("error").asText()).isEqualTo("unavailable");
      assertThat(json(refused).get("conflicts").get(0).get("code").asText()).isEqualTo(winner);
    }

    var calendar =
        get(
            app,
            "/api/v1/admin/calendar?from=%s&to=%s&accommodation_id=%d"
                .formatted(night.minusDays(5), night.plusDays(6), unitId),
            auth());
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(calendar.body()).contains(winner);
    assertThat(calendar.body().split("\"code\"", -1)).hasSize(2); // exactly one busy period

    String metrics = get(app, "/metrics").body();
    assertThat(metrics)
        .containsPattern("reservations_date_overlap_total\\{channel=\"admin\"[^}]*} 49");
    // Counted from the durable event, once the dispatcher has handed it over (every 2 s).
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(get(app, "/metrics").body())
                    .containsPattern("reservations_created_total\\{channel=\"admin\"[^}]*} 1\\.0"));
  }
}
