package ar.booking.app.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The notification counters every channel reports to: {@code
 * notifications_sent_total{channel,kind,outcome}} (outcome sent, retry or dead; kind = the
 * message's purpose) and {@code notifications_dead_total}.
 */
public final class NotificationMetrics {

  private NotificationMetrics() {}

  public static void sent(MeterRegistry registry, String channel, String kind, String outcome) {
    Counter.builder("notifications.sent")
        .description("Notification send attempts by channel, kind and outcome")
        .tag("channel", channel)
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    if (outcome.equals("dead")) {
      dead(registry).increment();
    }
  }

  /** The dead-notification counter (registering it shows it as 0 before the first one). */
  public static Counter dead(MeterRegistry registry) {
    return Counter.builder("notifications.dead")
        .description("Notifications given up on after their last attempt")
        .register(registry);
  }
}
