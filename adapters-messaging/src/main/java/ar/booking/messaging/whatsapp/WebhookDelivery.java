package ar.booking.messaging.whatsapp;

import ar.booking.core.messaging.DeliveryState;
import ar.booking.core.messaging.InboundMessage;
import java.time.Instant;
import java.util.List;

/**
 * Everything one webhook POST carried: the guests' messages (each with its own raw JSON, kept in
 * the inbox), the delivery reports about messages we sent, and how many updates were skipped
 * because they lacked what identifies them.
 */
public record WebhookDelivery(List<Received> messages, List<StatusReport> statuses, int skipped) {

  public WebhookDelivery {
    messages = List.copyOf(messages);
    statuses = List.copyOf(statuses);
  }

  /** A message and the JSON object it came in. */
  public record Received(InboundMessage message, String raw) {}

  /** A delivery report: {@code messageId} is the wamid we got when sending. */
  public record StatusReport(
      String messageId, DeliveryState state, Instant at, String recipient, String error) {}
}
