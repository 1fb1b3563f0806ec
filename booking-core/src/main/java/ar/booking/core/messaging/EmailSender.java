package ar.booking.core.messaging;

/**
 * Hands an e-mail to the mail server (SMTP in production, a sandbox in development). Bounded in
 * time; never throws for the server being down or refusing: that is a {@link Failed}. Called only
 * by the outbox dispatcher, never inside a unit of work.
 */
public interface EmailSender {

  Outcome send(String recipient, MessageContent.Email email);

  /** Result of {@link #send}. */
  sealed interface Outcome permits Sent, Failed {}

  /** Accepted; {@code messageId} is the Message-ID it went out with. */
  record Sent(String messageId) implements Outcome {}

  /**
   * Not accepted.
   *
   * @param permanent true when trying again cannot help (the address is refused)
   */
  record Failed(String reason, boolean permanent) implements Outcome {}
}
