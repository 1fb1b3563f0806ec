package ar.booking.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.events.MetricsSubscriber;
import ar.booking.app.http.HttpApi;
import ar.booking.app.http.Json;
import ar.booking.core.event.ReservationEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.testing.Fixtures;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void businessCountersAreExposedUnderTheirAgreedPrometheusNames() {
    try (Metrics metrics = new Metrics()) {
      MetricsBookingEvents events = new MetricsBookingEvents(metrics.registry());
      MetricsSubscriber subscriber = new MetricsSubscriber(metrics.registry());
      Reservation hold =
          Fixtures.hold(
              Fixtures.cabin(new AccommodationId(1), "Cabaña"),
              Fixtures.period("2026-12-10", "2026-12-12"));
      Instant at = Fixtures.NOW;
      subscriber.handle(ReservationEvents.created(hold, "guest", at));
      subscriber.handle(ReservationEvents.created(hold, "guest", at));
      Reservation confirmed = hold.confirm(at);
      subscriber.handle(ReservationEvents.changed(hold, confirmed, "payment", at));
      subscriber.handle(
          ReservationEvents.changed(
              hold, hold.transitionTo(ReservationStatus.EXPIRED, at), "system", at));
      subscriber.handle(
          ReservationEvents.changed(hold.withHoldExpiry(at.plusSeconds(60), at), hold, "x", at));
      events.overlapRejected(Channel.WHATSAPP);

      String text = metrics.scrape();
      String channel = hold.channel().name().toLowerCase(java.util.Locale.ROOT);
      assertThat(text)
          .contains("# TYPE reservations_created_total counter")
          .contains("reservations_created_total{channel=\"" + channel + "\"} 2.0")
          .contains("reservations_confirmed_total{channel=\"" + channel + "\"} 1.0")
          .contains("reservations_expired_total 1.0")
          .contains("reservations_date_overlap_total{channel=\"whatsapp\"} 1.0")
          .doesNotContain("reservations_new");
    }
  }

  @Test
  void requestLatencyIsAHistogramByRouteTemplateAndStatus() {
    try (Metrics metrics = new Metrics()) {
      metrics.recordRequest("GET", "/api/v1/admin/units/{id}", 200, Duration.ofMillis(12));
      String text = metrics.scrape();
      assertThat(text)
          .contains(
              "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/admin/units/{id}\",status=\"200\",le=\"+Inf\"} 1")
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/admin/units/{id}\",status=\"200\"} 1");
    }
  }

  private static final String TOKEN = "5c1d7e2f9a0b3c4d8e6f1a2b3c4d5e6f-scrape";

  private static HttpResponse<String> scrape(Metrics metrics, Optional<String> token, String auth)
      throws Exception {
    Javalin server = HttpApi.create(Json.mapper(), List.of(metrics.routes(token))).start(0);
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + Metrics.PATH));
      if (auth != null) {
        request.header("Authorization", auth);
      }
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } finally {
      server.stop();
    }
  }

  @Test
  void withATokenTheScrapeNeedsItAsABearerTokenAndOthersGet401Json() throws Exception {
    try (Metrics metrics = new Metrics()) {
      Optional<String> token = Optional.of(TOKEN);
      for (String wrong : new String[] {null, "Bearer ", "Bearer nope", "Basic " + TOKEN, TOKEN}) {
        var refused = scrape(metrics, token, wrong);
        assertThat(refused.statusCode()).as(String.valueOf(wrong)).isEqualTo(401);
        assertThat(refused.body()).contains("\"error\":\"unauthorized\"").doesNotContain("jvm_");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      }
      var allowed = scrape(metrics, token, "Bearer " + TOKEN);
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.body()).contains("jvm_memory_used_bytes");
      assertThat(scrape(metrics, token, "bearer " + TOKEN).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withoutATokenTheScrapeIsOpen() throws Exception {
    try (Metrics metrics = new Metrics()) {
      assertThat(scrape(metrics, Optional.empty(), null).statusCode()).isEqualTo(200);
    }
  }
}
