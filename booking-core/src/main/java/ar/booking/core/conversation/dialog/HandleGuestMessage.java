package ar.booking.core.conversation.dialog;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.conversation.SpanishRequestParser;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.SpeechToText;
import ar.booking.core.messaging.StoredInbound;
import ar.booking.core.messaging.Transcription;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.usecase.BookingEngine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The booking dialog behind WhatsApp: one guest message in, its replies queued in the outbox. A
 * voice note is transcribed first. Side effects (a hold, a cancellation, a payment link) happen
 * before the unit of work, idempotently per message; then the conversation is saved
 * (compare-and-set; on a concurrent change the turn is decided again), the replies are queued under
 * keys {@code reply:<message id>:<n>} and the events appended — all in one unit of work. While a
 * person handles the guest the bot stays silent.
 */
public final class HandleGuestMessage implements GuestMessageHandler {

  private static final int MAX_ATTEMPTS = 5;

  private final Accommodations accommodations;
  private final Conversations conversations;
  private final Outbox outbox;
  private final EventLog events;
  private final Transactions transactions;
  private final SpeechToText speech;
  private final Clock clock;
  private final DialogSettings settings;
  private final Dialog dialog;
  private final ReplyRenderer renderer = new ReplyRenderer();

  /** The dialog with {@link DialogSettings#DEFAULT} (handoff of 24 hours). */
  public HandleGuestMessage(
      BookingEngine engine,
      Accommodations accommodations,
      Reservations reservations,
      Conversations conversations,
      Outbox outbox,
      EventLog events,
      Transactions transactions,
      IssuePaymentLink paymentLinks,
      SpeechToText speech,
      Clock clock) {
    this(
        engine,
        accommodations,
        reservations,
        conversations,
        outbox,
        events,
        transactions,
        paymentLinks,
        speech,
        clock,
        DialogSettings.DEFAULT);
  }

  public HandleGuestMessage(
      BookingEngine engine,
      Accommodations accommodations,
      Reservations reservations,
      Conversations conversations,
      Outbox outbox,
      EventLog events,
      Transactions transactions,
      IssuePaymentLink paymentLinks,
      SpeechToText speech,
      Clock clock,
      DialogSettings settings) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(reservations, "reservations");
    Objects.requireNonNull(paymentLinks, "paymentLinks");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.events = Objects.requireNonNull(events, "events");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.speech = Objects.requireNonNull(speech, "speech");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    RandomGenerator random = new SecureRandom();
    GuestReservations mine = new GuestReservations(reservations);
    StaySearch search =
        new StaySearch(accommodations, engine.checkAvailability(), settings, random);
    this.dialog =
        new Dialog(
            new SpanishRequestParser(settings.stayRules()),
            search,
            new Holds(accommodations, engine.placeHold(), paymentLinks, mine, search, random),
            new GuestBookings(accommodations, mine, engine.cancelReservation(), settings, random),
            settings);
  }

  @Override
  public Handled handle(StoredInbound stored) {
    InboundMessage message = stored.message();
    List<Reply> before = new ArrayList<>();
    String transcript = null;
    Input input;
    switch (message.kind()) {
      case TEXT -> input = new Input.Written(message.text() == null ? "" : message.text());
      case CHOICE -> input = new Input.Picked(message.choiceId(), message.text());
      case AUDIO -> {
        Transcription heard = transcribe(message);
        if (heard instanceof Transcription.Heard h && h.text() != null && !h.text().isBlank()) {
          transcript = h.text().strip();
          before.add(new Reply.Heard(transcript));
          input = new Input.Written(transcript);
        } else {
          input = null;
          before.add(
              heard instanceof Transcription.Unclear
                  ? new Reply.AudioUnclear()
                  : new Reply.AudioNotUsable());
        }
      }
      default -> input = new Input.NotText();
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (turn(message, before, input)) {
        return new Handled(transcript);
      }
    }
    throw new IllegalStateException(
        "the conversation with " + message.from() + " kept changing; try again");
  }

  /** One decision and its commit; false when someone saved the conversation first. */
  private boolean turn(InboundMessage message, List<Reply> before, Input input) {
    Instant now = clock.instant();
    Conversation stored =
        conversations
            .find(message.from())
            .orElseGet(() -> Conversation.start(message.from(), message.senderName(), now));
    DialogData seen = new DialogData(stored.data());
    if (seen.handled(message.messageId())) {
      return true; // handled before a crash: its replies are already queued
    }
    String name =
        message.senderName() == null || message.senderName().isBlank()
            ? stored.guestName()
            : message.senderName();
    Conversation current =
        new Conversation(
            stored.guestId(),
            name,
            stored.state(),
            stored.data(),
            stored.lastInboundAt(),
            stored.handoffUntil(),
            stored.updatedAt(),
            stored.version());
    Turn turn = new Turn(current, message.messageId(), now, today(now));
    if (current.inHandoff(now)) {
      // a person answers this guest: remember the message, say nothing
    } else {
      if (current.handoffUntil() != null) {
        turn.handoffUntil = null;
        turn.state = "CHATTING";
        turn.events.add(
            DomainEvent.of(
                EventType.HANDOFF_RELEASED,
                "guest:" + current.guestId(),
                Map.of("guest", current.guestId(), "reason", "expired"),
                now));
      }
      turn.replies.addAll(before);
      if (input != null) {
        dialog.respond(turn, input);
      }
    }
    turn.data.markHandled(message.messageId());
    Conversation next =
        new Conversation(
            current.guestId(),
            name,
            turn.state,
            turn.data.toMap(),
            now,
            turn.handoffUntil,
            now,
            current.version());
    return transactions.inTransaction(
        () -> {
          if (conversations.save(next) instanceof Conversations.Stale) {
            return false;
          }
          int n = 1;
          for (Reply reply : turn.replies) {
            outbox.enqueue(
                OutboundMessage.whatsapp(
                    "reply:" + message.messageId() + ":" + n++,
                    message.from(),
                    renderer.render(reply, name, settings.stayRules().maxNights()),
                    "reply",
                    now));
          }
          turn.events.forEach(events::append);
          return true;
        });
  }

  private Transcription transcribe(InboundMessage message) {
    if (message.media() == null) {
      return new Transcription.Unusable("no media");
    }
    try {
      return speech.transcribe(message.media());
    } catch (RuntimeException e) {
      return new Transcription.Unavailable(e.getClass().getSimpleName());
    }
  }

  /** Today where the lodging is. */
  private LocalDate today(Instant now) {
    return accommodations.findActive().stream()
        .findFirst()
        .map(a -> a.today(now))
        .orElse(LocalDate.ofInstant(now, Accommodation.DEFAULT_ZONE));
  }
}
