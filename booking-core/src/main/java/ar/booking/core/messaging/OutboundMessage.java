package ar.booking.core.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * A message we promised to send. {@code key} is deterministic (derived from what caused it, e.g.
 * {@code "reply:<inbound message id>:1"} or {@code "hold-reminder:<code>"}), so enqueuing the same
 * promise twice stores it once. {@code purpose} names why it is sent ({@code "reply"}, {@code
 * "booking_confirmed"}, {@code "hold_reminder"}, {@code "owner_alert"}…): when WhatsApp's 24-hour
 * window is closed the dispatcher sends the approved template configured for that purpose instead,
 * with {@link MessageContent#plainText()} as its parameter.
 */
public record OutboundMessage(
    String key,
    MessageChannel channel,
    String recipient,
    MessageContent content,
    String purpose,
    Instant createdAt) {

  public OutboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(createdAt, "createdAt");
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new IllegalArgumentException("a message key is 1 to 200 characters");
    }
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("a message needs a recipient");
    }
    purpose = purpose == null || purpose.isBlank() ? "reply" : purpose;
  }

  public static OutboundMessage whatsapp(
      String key, String waId, MessageContent content, String purpose, Instant at) {
    return new OutboundMessage(key, MessageChannel.WHATSAPP, waId, content, purpose, at);
  }
}
