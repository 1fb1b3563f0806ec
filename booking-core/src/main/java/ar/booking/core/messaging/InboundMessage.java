package ar.booking.core.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a guest sent, as the channel delivered it. {@code messageId} is the channel's unique
 * id (a {@code wamid}); {@code from} the guest's channel id (a WhatsApp {@code wa_id}). {@code
 * text} is the body of a text, the title of a picked choice or a caption; {@code choiceId} the id
 * of a picked button or list row; {@code media} the voice note (or other media) to fetch.
 */
public record InboundMessage(
    String messageId,
    String from,
    String senderName,
    InboundKind kind,
    String text,
    String choiceId,
    MediaRef media,
    Instant sentAt) {

  public InboundMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sentAt, "sentAt");
    if (messageId == null || messageId.isBlank()) {
      throw new IllegalArgumentException("a message needs its id");
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("a message needs its sender");
    }
  }

  public static InboundMessage text(
      String messageId, String from, String name, String body, Instant at) {
    return new InboundMessage(messageId, from, name, InboundKind.TEXT, body, null, null, at);
  }

  public static InboundMessage choice(
      String messageId, String from, String name, String choiceId, String title, Instant at) {
    return new InboundMessage(messageId, from, name, InboundKind.CHOICE, title, choiceId, null, at);
  }

  /** A media attachment, fetched by id: {@code sha256} as the channel reported it. */
  public record MediaRef(String id, String mimeType, String sha256, boolean voice) {}
}
