package ar.booking.app.whatsapp;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.ports.Transactions;
import ar.booking.messaging.whatsapp.WhatsAppMessenger;
import ar.booking.messaging.whatsapp.WhatsAppMessenger.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's WhatsApp messages through the Cloud API: the head message of each recipient
 * (in order per guest), with a lease so a crashed instance's claims come back. Throttling and
 * outages back off and retry; a closed 24-hour window sends the approved template configured for
 * the message's purpose with its plain text as the parameter; refusals and the last attempt make
 * the message dead with a {@code MESSAGE_DEAD} event for the owner.
 */
public final class OutboxDispatcher extends ClaimLoop {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** How the dispatcher claims and retries. */
  public record Settings(
      int maxAttempts,
      Duration firstRetry,
      Duration maxRetry,
      Duration lease,
      Duration poll,
      int threads) {

    /** 8 attempts over about 45 minutes (1 s, 4 s, 16 s … capped at 15 min), eight at a time. */
    public static final Settings DEFAULT =
        new Settings(
            8,
            Duration.ofSeconds(1),
            Duration.ofMinutes(15),
            Duration.ofMinutes(1),
            Duration.ofMillis(500),
            8);

    public Settings withRetries(int attempts, Duration first) {
      return new Settings(attempts, first, maxRetry, lease, poll, threads);
    }
  }

  private final Outbox outbox;
  private final EventLog events;
  private final Transactions transactions;
  private final WhatsAppMessenger messenger;
  private final Function<String, Optional<String>> templates;
  private final Clock clock;
  private final Settings settings;
  private final WhatsAppMetrics metrics;
  private final ReceivedTimes received;

  /**
   * @param templates the approved template name for a purpose, if any
   */
  public OutboxDispatcher(
      Outbox outbox,
      EventLog events,
      Transactions transactions,
      WhatsAppMessenger messenger,
      Function<String, Optional<String>> templates,
      Clock clock,
      Settings settings,
      WhatsAppMetrics metrics,
      ReceivedTimes received) {
    super("whatsapp-outbox", settings.poll(), settings.threads());
    this.outbox = outbox;
    this.events = events;
    this.transactions = transactions;
    this.messenger = messenger;
    this.templates = templates;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.received = received;
  }

  @Override
  public int pass() {
    Instant now = clock.instant();
    return claimAndRun(
        free -> outbox.claim(MessageChannel.WHATSAPP, now, now.plus(settings.lease()), free),
        this::send);
  }

  private void send(QueuedMessage q) {
    String to = q.message().recipient();
    SendOutcome outcome = attempt(() -> messenger.send(to, q.message().content()));
    boolean templated = false;
    if (outcome instanceof WhatsAppMessenger.WindowClosed closed) {
      Optional<String> template = templates.apply(q.message().purpose());
      if (template.isEmpty()) {
        dead(
            q,
            "the 24-hour window is closed and no template is configured for purpose "
                + q.message().purpose()
                + " (WHATSAPP_TEMPLATE_REPLY): "
                + closed.error());
        return;
      }
      templated = true;
      String name = template.get();
      outcome = attempt(() -> messenger.sendTemplate(to, name, q.message().content().plainText()));
    }
    Instant now = clock.instant();
    switch (outcome) {
      case WhatsAppMessenger.Accepted accepted -> {
        outbox.sent(q.id(), accepted.messageId(), now);
        metrics.sent(templated ? "template" : "accepted", q.message().purpose());
        received
            .ofReplyKey(q.message().key())
            .ifPresent(at -> metrics.replyLatency(Duration.between(at, now)));
      }
      case WhatsAppMessenger.TryLater later -> retryOrDead(q, later.error(), now);
      case WhatsAppMessenger.WindowClosed closed ->
          dead(q, "the template was refused too: " + closed.error());
      case WhatsAppMessenger.Refused refused -> dead(q, refused.error());
    }
  }

  private static SendOutcome attempt(java.util.function.Supplier<SendOutcome> send) {
    try {
      return send.get();
    } catch (RuntimeException e) {
      return new WhatsAppMessenger.TryLater("sending failed: " + e);
    }
  }

  private void retryOrDead(QueuedMessage q, String error, Instant now) {
    int attempt = q.attempts() + 1;
    if (attempt >= settings.maxAttempts()) {
      dead(q, error + " (after " + attempt + " attempts)");
      return;
    }
    log.warn(
        "Message {} to {} not sent (attempt {} of {}), will retry: {}",
        q.message().key(),
        q.message().recipient(),
        attempt,
        settings.maxAttempts(),
        error);
    outbox.retry(
        q.id(), error, now.plus(backoff(settings.firstRetry(), settings.maxRetry(), attempt)));
    metrics.sent("retried", q.message().purpose());
  }

  private void dead(QueuedMessage q, String error) {
    Instant now = clock.instant();
    log.error("Message {} to {} is dead: {}", q.message().key(), q.message().recipient(), error);
    transactions.run(
        () -> {
          outbox.dead(q.id(), error, now);
          events.append(
              DomainEvent.of(
                  EventType.MESSAGE_DEAD,
                  "guest:" + q.message().recipient(),
                  Map.of(
                      "direction", "out",
                      "recipient", q.message().recipient(),
                      "key", q.message().key(),
                      "purpose", q.message().purpose(),
                      "error", error.length() > 500 ? error.substring(0, 500) : error),
                  now));
        });
    metrics.sent("dead", q.message().purpose());
  }
}
