package ar.booking.app.whatsapp;

import ar.booking.app.notifications.NotificationMetrics;
import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.InboxStatus;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.OutboxStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channel's meters: {@code whatsapp_messages_received_total{type}}, {@code
 * whatsapp_messages_sent_total{outcome}}, {@code whatsapp_webhook_rejected_total{reason}}, {@code
 * inbox_lag_seconds}, {@code outbox_backlog} and {@code whatsapp_reply_latency_seconds} (a message
 * received → its reply accepted by the Cloud API). The gauges are refreshed by the loops, never by
 * a scrape.
 */
public final class WhatsAppMetrics {

  static final List<String> OUTCOMES = List.of("accepted", "template", "retried", "dead");
  static final List<String> REASONS =
      List.of("signature", "malformed", "too_large", "storage", "not_configured");

  private final MeterRegistry registry;
  private final AtomicLong lagSeconds = new AtomicLong();
  private final AtomicLong backlog = new AtomicLong();
  private final Timer latency;

  public WhatsAppMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (InboundKind kind : InboundKind.values()) {
      received(kind, 0);
    }
    OUTCOMES.forEach(o -> sent(o, 0));
    REASONS.forEach(r -> rejected(r, 0));
    Gauge.builder("inbox.lag.seconds", lagSeconds, AtomicLong::get)
        .description("Age of the oldest received WhatsApp message not handled yet")
        .strongReference(true)
        .register(registry);
    Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
        .description("Messages waiting in the outbox to be sent")
        .strongReference(true)
        .register(registry);
    latency =
        Timer.builder("whatsapp.reply.latency")
            .description("A guest's message received until its reply was accepted by the Cloud API")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
  }

  void received(InboundKind kind, int n) {
    Counter.builder("whatsapp.messages.received")
        .description("Messages guests sent, stored once (duplicates not counted)")
        .tag("type", kind.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment(n);
  }

  void sent(String outcome, int n) {
    Counter.builder("whatsapp.messages.sent")
        .description("Send attempts by outcome: accepted, template, retried, dead")
        .tag("outcome", outcome)
        .register(registry)
        .increment(n);
  }

  /**
   * A send attempt of a message that is a notification (any purpose but the dialog's and the
   * owner's replies), also counted as {@code notifications_sent_total{channel="whatsapp"}} with the
   * e-mail channel's outcomes (sent, retry, dead) and {@code notifications_dead_total}.
   */
  void sent(String outcome, String purpose) {
    sent(outcome, 1);
    if (purpose == null || purpose.equals("reply") || purpose.equals("owner_reply")) {
      return;
    }
    String notification =
        switch (outcome) {
          case "accepted", "template" -> "sent";
          case "retried" -> "retry";
          default -> outcome;
        };
    NotificationMetrics.sent(registry, "whatsapp", purpose, notification);
  }

  void rejected(String reason, int n) {
    Counter.builder("whatsapp.webhook.rejected")
        .description("Webhook deliveries refused: signature, malformed, too_large, storage")
        .tag("reason", reason)
        .register(registry)
        .increment(n);
  }

  void replyLatency(Duration d) {
    if (!d.isNegative()) {
      latency.record(d);
    }
  }

  /** Re-reads the gauges' values from the stores. */
  void refresh(Inbox inbox, Outbox outbox, Instant now) {
    lagSeconds.set(
        inbox
            .oldestPending()
            .map(t -> Math.max(0, Duration.between(t, now).toSeconds()))
            .orElse(0L));
    backlog.set(outbox.count(OutboxStatus.PENDING));
  }

  long deadInbound(Inbox inbox) {
    return inbox.count(InboxStatus.DEAD);
  }
}
