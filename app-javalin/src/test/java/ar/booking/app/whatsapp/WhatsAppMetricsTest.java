package ar.booking.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class WhatsAppMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WhatsAppMetrics metrics = new WhatsAppMetrics(registry);

  private double notifications(String kind, String outcome) {
    var counter =
        registry
            .find("notifications.sent")
            .tags("channel", "whatsapp", "kind", kind, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void notificationsSentOnWhatsAppCountAsNotificationsByKindAndOutcome() {
    metrics.sent("accepted", "owner_alert");
    metrics.sent("template", "owner_alert");
    metrics.sent("retried", "hold_reminder");
    metrics.sent("dead", "booking_confirmed");

    assertThat(notifications("owner_alert", "sent")).isEqualTo(2);
    assertThat(notifications("hold_reminder", "retry")).isEqualTo(1);
    assertThat(notifications("booking_confirmed", "dead")).isEqualTo(1);
    assertThat(registry.get("notifications.dead").counter().count()).isEqualTo(1);
    assertThat(registry.get("whatsapp.messages.sent").tag("outcome", "accepted").counter().count())
        .isEqualTo(1);
  }

  @Test
  void dialogAndOwnerRepliesAreNotNotifications() {
    metrics.sent("accepted", "reply");
    metrics.sent("dead", "owner_reply");

    assertThat(registry.find("notifications.sent").counters()).isEmpty();
    assertThat(registry.find("notifications.dead").counter()).isNull();
    assertThat(registry.get("whatsapp.messages.sent").tag("outcome", "dead").counter().count())
        .isEqualTo(1);
  }
}
