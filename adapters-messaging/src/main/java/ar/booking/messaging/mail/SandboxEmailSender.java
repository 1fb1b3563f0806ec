package ar.booking.messaging.mail;

import ar.booking.core.messaging.EmailSender;
import ar.booking.core.messaging.MessageContent;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Development without {@code SMTP_HOST}: accepts every e-mail without sending it. The message stays
 * in the outbox, marked sent, so the owner's API shows what would have gone out.
 */
public final class SandboxEmailSender implements EmailSender {

  private final AtomicLong accepted = new AtomicLong();

  @Override
  public Outcome send(String recipient, MessageContent.Email email) {
    accepted.incrementAndGet();
    return new Sent("<sandbox-" + UUID.randomUUID() + "@localhost>");
  }

  public long accepted() {
    return accepted.get();
  }
}
