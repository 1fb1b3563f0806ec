package ar.booking.app.whatsapp;

import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.StoredInbound;
import ar.booking.core.ports.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what guests sent: claims the head message of each guest (in order per guest, one worker
 * at a time across instances), hands it to the {@link GuestMessageHandler} and marks it processed.
 * A failure is retried with backoff; after {@link Settings#maxAttempts} the message is dead, a
 * {@code MESSAGE_DEAD} event tells the owner and the guest gets a polite apology, all in one unit
 * of work.
 */
public final class InboxWorker extends ClaimLoop {

  private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

  /** How the worker claims and retries. */
  public record Settings(
      int maxAttempts,
      Duration firstRetry,
      Duration maxRetry,
      Duration lease,
      Duration poll,
      int threads) {

    /** 5 attempts over about 3 minutes (2 s, 8 s, 32 s, 128 s), eight guests at a time. */
    public static final Settings DEFAULT =
        new Settings(
            5,
            Duration.ofSeconds(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(2),
            Duration.ofMillis(500),
            8);

    public Settings withRetries(int attempts, Duration first) {
      return new Settings(attempts, first, maxRetry, lease, poll, threads);
    }
  }

  private final Inbox inbox;
  private final Outbox outbox;
  private final EventLog events;
  private final Transactions transactions;
  private final GuestMessageHandler handler;
  private final Clock clock;
  private final Settings settings;
  private final WhatsAppMetrics metrics;
  private final Runnable repliesQueued;
  private Instant nextRefresh = Instant.MIN;

  /**
   * @param repliesQueued called after a message was handled (wakes the outbox dispatcher)
   */
  public InboxWorker(
      Inbox inbox,
      Outbox outbox,
      EventLog events,
      Transactions transactions,
      GuestMessageHandler handler,
      Clock clock,
      Settings settings,
      WhatsAppMetrics metrics,
      Runnable repliesQueued) {
    super("whatsapp-inbox", settings.poll(), settings.threads());
    this.inbox = inbox;
    this.outbox = outbox;
    this.events = events;
    this.transactions = transactions;
    this.handler = handler;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.repliesQueued = repliesQueued;
  }

  @Override
  public int pass() {
    Instant now = clock.instant();
    if (!now.isBefore(nextRefresh)) {
      nextRefresh = now.plusSeconds(1);
      metrics.refresh(inbox, outbox, now);
    }
    return claimAndRun(free -> inbox.claim(now, now.plus(settings.lease()), free), this::handle);
  }

  private void handle(StoredInbound m) {
    GuestMessageHandler.Handled handled;
    try {
      handled = handler.handle(m);
    } catch (RuntimeException | StackOverflowError e) {
      failed(m, e);
      return;
    }
    inbox.processed(m.id(), handled == null ? null : handled.transcript(), clock.instant());
    repliesQueued.run();
  }

  private void failed(StoredInbound m, Throwable e) {
    int attempt = m.attempts() + 1;
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    Instant now = clock.instant();
    if (attempt < settings.maxAttempts()) {
      log.warn(
          "Message {} from {} failed (attempt {} of {}), will retry: {}",
          m.message().messageId(),
          m.message().from(),
          attempt,
          settings.maxAttempts(),
          error);
      inbox.retry(
          m.id(), error, now.plus(backoff(settings.firstRetry(), settings.maxRetry(), attempt)));
      return;
    }
    log.error(
        "Message {} from {} is dead after {} attempts",
        m.message().messageId(),
        m.message().from(),
        attempt,
        e);
    String guest = m.message().from();
    transactions.run(
        () -> {
          inbox.dead(m.id(), error, now);
          events.append(
              DomainEvent.of(
                  EventType.MESSAGE_DEAD,
                  "guest:" + guest,
                  Map.of(
                      "direction",
                      "in",
                      "recipient",
                      guest,
                      "message_id",
                      m.message().messageId(),
                      "error",
                      error.length() > 500 ? error.substring(0, 500) : error),
                  now));
          outbox.enqueue(
              OutboundMessage.whatsapp(
                  "apology:" + m.message().messageId(),
                  guest,
                  new MessageContent.Text(Texts.get("apology")),
                  "reply",
                  now));
        });
    repliesQueued.run();
  }
}
