package ar.booking.app.whatsapp;

import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.StoredInbound;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the dialog, for the channel's tests only: echoes every message once (key {@code
 * reply:<id>:1}), records what it handled in order, and fails on the text "veneno".
 */
public final class EchoHandler implements GuestMessageHandler {

  private final Outbox outbox;
  private final Clock clock;
  private final List<String> handled;

  public EchoHandler(Outbox outbox, Clock clock, List<String> handled) {
    this.outbox = outbox;
    this.clock = clock;
    this.handled = handled;
  }

  public EchoHandler(Outbox outbox, Clock clock) {
    this(outbox, clock, new CopyOnWriteArrayList<>());
  }

  public List<String> handled() {
    return handled;
  }

  @Override
  public Handled handle(StoredInbound message) {
    String text = message.message().text() == null ? "" : message.message().text();
    if (text.equals("veneno")) {
      throw new IllegalStateException("poison message");
    }
    handled.add(message.message().messageId());
    outbox.enqueue(
        OutboundMessage.whatsapp(
            "reply:" + message.message().messageId() + ":1",
            message.message().from(),
            new MessageContent.Text("eco: " + (text.isEmpty() ? message.message().kind() : text)),
            "reply",
            clock.instant()));
    return new Handled(null);
  }
}
