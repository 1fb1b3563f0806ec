package ar.booking.core.conversation.dialog;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.event.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One message's turn of the dialog: the state it leads to, the replies and the events. */
final class Turn {

  final Conversation conversation;
  final DialogData data;
  final String messageId;
  final Instant now;
  final LocalDate today;
  final List<Reply> replies = new ArrayList<>();
  final List<DomainEvent> events = new ArrayList<>();
  String state;
  Instant handoffUntil;

  Turn(Conversation conversation, String messageId, Instant now, LocalDate today) {
    this.conversation = conversation;
    this.data = new DialogData(conversation.data());
    this.messageId = messageId;
    this.now = now;
    this.today = today;
    this.state = conversation.state();
    this.handoffUntil = conversation.handoffUntil();
  }

  String guest() {
    return conversation.guestId();
  }

  void reply(Reply reply) {
    replies.add(reply);
  }
}
