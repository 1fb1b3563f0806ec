package ar.booking.core.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The state of the dialog with one guest (keyed by their WhatsApp id). {@code state} names where
 * the dialog is; {@code data} holds what the guest told us so far and the offers we made (the
 * dialog owns its keys). {@code handoffUntil} set and in the future means a person answers this
 * guest and the bot stays silent. {@code version} is the stored version, for compare-and-set saves.
 */
public record Conversation(
    String guestId,
    String guestName,
    String state,
    Map<String, String> data,
    Instant lastInboundAt,
    Instant handoffUntil,
    Instant updatedAt,
    long version) {

  public Conversation {
    Objects.requireNonNull(state, "state");
    data = Map.copyOf(data);
    if (guestId == null || guestId.isBlank()) {
      throw new IllegalArgumentException("a conversation needs its guest");
    }
  }

  /** A conversation not stored yet. */
  public static Conversation start(String guestId, String guestName, Instant at) {
    return new Conversation(guestId, guestName, "NEW", Map.of(), at, null, at, 0);
  }

  public boolean inHandoff(Instant now) {
    return handoffUntil != null && handoffUntil.isAfter(now);
  }
}
