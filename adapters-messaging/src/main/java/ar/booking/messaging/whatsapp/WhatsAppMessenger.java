package ar.booking.messaging.whatsapp;

import ar.booking.core.messaging.MessageContent;

/**
 * Hands one message to WhatsApp. Never throws for a refusal or an outage: the outcome says what the
 * dispatcher should do with the message. Implementations are thread-safe.
 */
public interface WhatsAppMessenger {

  /** Sends free-form content (allowed within 24 hours of the guest's last message). */
  SendOutcome send(String to, MessageContent content);

  /** Sends the approved template {@code name} (language es_AR) with one body parameter. */
  SendOutcome sendTemplate(String to, String name, String bodyParameter);

  /** What became of one send. */
  sealed interface SendOutcome {}

  /** Accepted by the Cloud API (not yet delivered): {@code messageId} is the wamid. */
  record Accepted(String messageId) implements SendOutcome {}

  /** Throttled, overloaded or unreachable: back off and try again. */
  record TryLater(String error) implements SendOutcome {}

  /** The 24-hour window is closed (131047): send an approved template instead. */
  record WindowClosed(String error) implements SendOutcome {}

  /** Refused for good (131026 undeliverable, 131048 spam limit, a bad request): never retry. */
  record Refused(String error) implements SendOutcome {}
}
