package ar.booking.core.conversation;

import ar.booking.core.messaging.StoredInbound;

/**
 * Handles one message a guest sent: transcribes a voice note, advances the guest's dialog and
 * queues the replies, the conversation change and the replies committing together. Re-handling the
 * same message after a crash queues no second reply (reply keys derive from the message id). A
 * technical failure throws (the inbox retries); business outcomes are replies.
 */
public interface GuestMessageHandler {

  Handled handle(StoredInbound message);

  /** Done; {@code transcript} is what a voice note said (stored with the message), or null. */
  record Handled(String transcript) {}
}
