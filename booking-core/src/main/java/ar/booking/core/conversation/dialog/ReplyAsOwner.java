package ar.booking.core.conversation.dialog;

import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * The owner answers a guest through the same outbox the bot uses (key {@code owner:<uuid>}, purpose
 * {@code owner_reply}). It does not end a handoff: the bot stays silent until released.
 */
public final class ReplyAsOwner {

  /** WhatsApp's limit for a text message. */
  public static final int MAX_TEXT = 4096;

  private final Outbox outbox;
  private final Clock clock;

  public ReplyAsOwner(Outbox outbox, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What came of it. */
  public sealed interface Result permits Queued, Rejected {}

  /** Queued under {@code key}. */
  public record Queued(String key) implements Result {}

  /** Not sent: {@code reason} says why (empty or too long text, no guest). */
  public record Rejected(String reason) implements Result {}

  public Result reply(String waId, String text) {
    if (waId == null || waId.isBlank()) {
      return new Rejected("a reply needs the guest");
    }
    if (text == null || text.isBlank()) {
      return new Rejected("the text is empty");
    }
    if (text.length() > MAX_TEXT) {
      return new Rejected("the text is longer than " + MAX_TEXT + " characters");
    }
    String key = "owner:" + UUID.randomUUID();
    outbox.enqueue(
        OutboundMessage.whatsapp(
            key,
            waId.strip(),
            new MessageContent.Text(text.strip()),
            "owner_reply",
            clock.instant()));
    return new Queued(key);
  }
}
