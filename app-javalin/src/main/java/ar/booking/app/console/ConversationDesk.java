package ar.booking.app.console;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.conversation.dialog.ReleaseConversation;
import ar.booking.core.conversation.dialog.ReplyAsOwner;
import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.messaging.StoredInbound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The conversations as the console's inbox sees them, on the same ports and use cases as {@code
 * whatsapp.ConversationsAdminApi}: the latest conversations (guests waiting for a human first), a
 * guest's transcript in both directions, the owner's reply through the outbox and the release of a
 * handoff.
 */
public final class ConversationDesk implements ConsoleData.InboxSource {

  static final int TRANSCRIPT = 200;

  private final Conversations conversations;
  private final Inbox inbox;
  private final Outbox outbox;
  private final ReleaseConversation release;
  private final ReplyAsOwner reply;
  private final Clock clock;
  private final Runnable queued;

  /**
   * @param queued called after a reply was queued (wakes the outbox dispatcher)
   */
  public ConversationDesk(
      Conversations conversations,
      Inbox inbox,
      Outbox outbox,
      ReleaseConversation release,
      ReplyAsOwner reply,
      Clock clock,
      Runnable queued) {
    this.conversations = conversations;
    this.inbox = inbox;
    this.outbox = outbox;
    this.release = release;
    this.reply = reply;
    this.clock = clock;
    this.queued = queued;
  }

  /** One message of a transcript, either direction, with its choices (outgoing). */
  public record Line(
      boolean fromGuest,
      Instant at,
      String text,
      String transcript,
      String status,
      List<Choice> choices,
      String listButton) {}

  /** A guest's conversation (when there is one) and messages, oldest first. */
  public record Transcript(
      String waId, Optional<Conversation> conversation, boolean waiting, List<Line> lines) {}

  @Override
  public List<ConsoleData.ConversationLine> latest(int limit) {
    Instant now = clock.instant();
    List<ConsoleData.ConversationLine> lines = new ArrayList<>();
    for (Conversation c : conversations.latest(limit)) {
      Line last = last(c.guestId()).orElse(null);
      lines.add(
          new ConsoleData.ConversationLine(
              name(c),
              "WhatsApp",
              last == null ? "" : (last.fromGuest() ? "" : "Vos o el bot: ") + last.text(),
              last == null ? c.updatedAt() : last.at(),
              c.inHandoff(now),
              c.guestId()));
    }
    lines.sort(
        Comparator.comparing((ConsoleData.ConversationLine l) -> !l.waitingForHuman())
            .thenComparing(
                ConsoleData.ConversationLine::lastAt,
                Comparator.nullsLast(Comparator.reverseOrder())));
    return lines;
  }

  private static String name(Conversation c) {
    return c.guestName() == null || c.guestName().isBlank() ? c.guestId() : c.guestName();
  }

  private Optional<Line> last(String guest) {
    List<Line> both = new ArrayList<>();
    inbox.fromGuest(guest, 1).forEach(m -> both.add(inbound(m)));
    outbox.toRecipient(guest, 1).forEach(m -> both.add(outbound(m)));
    return both.stream().max(Comparator.comparing(Line::at));
  }

  /** The transcript of one guest; empty when nothing is known about them. */
  public Optional<Transcript> transcript(String guest) {
    Optional<Conversation> conversation = conversations.find(guest);
    List<Line> lines = new ArrayList<>();
    inbox.fromGuest(guest, TRANSCRIPT).forEach(m -> lines.add(inbound(m)));
    outbox.toRecipient(guest, TRANSCRIPT).forEach(m -> lines.add(outbound(m)));
    if (conversation.isEmpty() && lines.isEmpty()) {
      return Optional.empty();
    }
    lines.sort(Comparator.comparing(Line::at));
    Instant now = clock.instant();
    return Optional.of(
        new Transcript(
            guest, conversation, conversation.map(c -> c.inHandoff(now)).orElse(false), lines));
  }

  /** Queues the owner's answer; the reason when it was refused. */
  public Optional<String> reply(String guest, String text) {
    return switch (reply.reply(guest, text)) {
      case ReplyAsOwner.Queued q -> {
        queued.run();
        yield Optional.empty();
      }
      case ReplyAsOwner.Rejected rejected -> Optional.of(rejected.reason());
    };
  }

  /** Releases a handoff; false when there is no such conversation. */
  public boolean release(String guest, String actor) {
    return !(release.release(guest, actor) instanceof ReleaseConversation.NotFound);
  }

  private static Line inbound(StoredInbound m) {
    String text = m.message().text();
    return new Line(
        true,
        m.receivedAt(),
        text == null ? "" : text,
        m.transcript(),
        m.status().name(),
        List.of(),
        null);
  }

  private static Line outbound(QueuedMessage m) {
    MessageContent content = m.message().content();
    String status = m.delivery() != null ? m.delivery().name() : m.status().name();
    return switch (content) {
      case MessageContent.Buttons b ->
          new Line(false, m.message().createdAt(), b.body(), null, status, b.choices(), null);
      case MessageContent.ChoiceList l ->
          new Line(false, m.message().createdAt(), l.body(), null, status, l.choices(), l.button());
      default ->
          new Line(
              false, m.message().createdAt(), content.plainText(), null, status, List.of(), null);
    };
  }
}
