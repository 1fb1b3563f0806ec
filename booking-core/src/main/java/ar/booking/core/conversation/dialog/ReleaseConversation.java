package ar.booking.core.conversation.dialog;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.ports.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The owner hands a guest back to the bot: the handoff is cleared and {@code HANDOFF_RELEASED}
 * recorded (stream {@code guest:<wa_id>}) in one unit of work. Releasing a guest not in handoff
 * changes nothing.
 */
public final class ReleaseConversation {

  private static final int MAX_ATTEMPTS = 5;

  private final Conversations conversations;
  private final EventLog events;
  private final Transactions transactions;
  private final Clock clock;

  public ReleaseConversation(
      Conversations conversations, EventLog events, Transactions transactions, Clock clock) {
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.events = Objects.requireNonNull(events, "events");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What came of it. */
  public sealed interface Result permits Released, NotInHandoff, NotFound {}

  /** The bot answers the guest again. */
  public record Released(Conversation conversation) implements Result {}

  /** The bot was already answering the guest. */
  public record NotInHandoff(Conversation conversation) implements Result {}

  /** No conversation with that guest. */
  public record NotFound(String guestId) implements Result {}

  /** Releases the guest {@code waId}; {@code actor} names who did it (kept in the event). */
  public Result release(String waId, String actor) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Result result = transactions.inTransaction(() -> attempt(waId, actor));
      if (result != null) {
        return result;
      }
    }
    throw new IllegalStateException("the conversation with " + waId + " kept changing");
  }

  private Result attempt(String waId, String actor) {
    Instant now = clock.instant();
    Conversation current = conversations.find(waId).orElse(null);
    if (current == null) {
      return new NotFound(waId);
    }
    if (!current.inHandoff(now)) {
      return new NotInHandoff(current);
    }
    Map<String, String> data = new java.util.HashMap<>(current.data());
    data.remove(DialogData.MISSES);
    Conversation released =
        new Conversation(
            current.guestId(),
            current.guestName(),
            "CHATTING",
            data,
            current.lastInboundAt(),
            null,
            now,
            current.version());
    return switch (conversations.save(released)) {
      case Conversations.Saved saved -> {
        events.append(
            DomainEvent.of(
                EventType.HANDOFF_RELEASED,
                "guest:" + waId,
                Map.of("guest", waId, "reason", "owner", "actor", actor == null ? "owner" : actor),
                now));
        yield new Released(saved.conversation());
      }
      case Conversations.Stale stale -> null;
    };
  }
}
