package ar.booking.app.whatsapp;

import ar.booking.core.messaging.MessageContent;
import ar.booking.messaging.whatsapp.WhatsAppMessenger;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development without credentials: every message is "accepted" with a generated id and logged,
 * never sent to Meta. The outbox marks it sent, so the admin transcript shows the whole dialog.
 */
public final class SandboxMessenger implements WhatsAppMessenger {

  private static final Logger log = LoggerFactory.getLogger(SandboxMessenger.class);

  @Override
  public SendOutcome send(String to, MessageContent content) {
    String id = "wamid.sandbox." + UUID.randomUUID();
    log.info("WhatsApp sandbox: to {} ({}): {}", to, id, content.plainText().replace('\n', '|'));
    return new Accepted(id);
  }

  @Override
  public SendOutcome sendTemplate(String to, String name, String bodyParameter) {
    String id = "wamid.sandbox." + UUID.randomUUID();
    log.info("WhatsApp sandbox: template {} to {} ({}): {}", name, to, id, bodyParameter);
    return new Accepted(id);
  }
}
