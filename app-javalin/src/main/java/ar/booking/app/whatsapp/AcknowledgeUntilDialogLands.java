package ar.booking.app.whatsapp;

import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.StoredInbound;
import java.time.Clock;

/**
 * PLACEHOLDER wired in production until the Spanish dialog (core {@code conversation}, issue 10) is
 * merged: the lead replaces it in {@code BookingApp} with the dialog's handler. It answers each
 * guest once per message with a short acknowledgement (key {@code reply:<message id>:1}, so a
 * re-handled message queues nothing twice), leaving the conversation to the owner.
 */
public final class AcknowledgeUntilDialogLands implements GuestMessageHandler {

  private final Outbox outbox;
  private final Clock clock;

  public AcknowledgeUntilDialogLands(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public Handled handle(StoredInbound message) {
    outbox.enqueue(
        OutboundMessage.whatsapp(
            "reply:" + message.message().messageId() + ":1",
            message.message().from(),
            new MessageContent.Text(Texts.get("no_dialog")),
            "reply",
            clock.instant()));
    return new Handled(null);
  }
}
