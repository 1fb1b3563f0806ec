package ar.booking.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void businessCountersAreExposedUnderTheirAgreedPrometheusNames() {
    try (Metrics metrics = new Metrics()) {
      MetricsBookingEvents events = new MetricsBookingEvents(metrics.registry());
      Reservation hold =
          Fixtures.hold(
              Fixtures.cabin(new AccommodationId(1), "Cabaña"),
              Fixtures.period("2026-12-10", "2026-12-12"));
      events.created(hold);
      events.created(hold);
      events.confirmed(hold);
      events.expired(hold);
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
}
