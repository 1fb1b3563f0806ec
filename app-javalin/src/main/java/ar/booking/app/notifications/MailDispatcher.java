package ar.booking.app.notifications;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.messaging.EmailSender;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.ports.Transactions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's e-mails: claims due {@code EMAIL} messages with a lease (so two instances
 * never send the same one at once), hands each to the {@link EmailSender}, and records the outcome:
 * sent; failed and retried with exponential backoff; or dead after {@link Settings#maxAttempts()}
 * (or at once when the address is refused), with a {@code MESSAGE_DEAD} event for the owner. It
 * runs in a job of its own, never inside a booking's unit of work, so a slow or absent mail server
 * delays mail only.
 */
public final class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  /**
   * @param maxAttempts failed attempts before a message goes dead
   * @param firstBackoff wait after the first failure; doubles with each further one
   * @param maxBackoff the longest wait
   * @param lease how long a claimed message is left alone (longer than one send can take)
   * @param batch messages claimed per pass
   */
  public record Settings(
      int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease, int batch) {
    public static final Settings DEFAULT =
        new Settings(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2), 20);

    Duration backoff(int failures) {
      Duration wait = firstBackoff;
      for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }

  /** What one pass did. */
  public record Report(int sent, int retried, int dead) {}

  private final Outbox outbox;
  private final EmailSender sender;
  private final EventLog events;
  private final Transactions transactions;
  private final Clock clock;
  private final Settings settings;
  private final MeterRegistry registry;

  public MailDispatcher(
      Outbox outbox,
      EmailSender sender,
      EventLog events,
      Transactions transactions,
      Clock clock,
      Settings settings,
      MeterRegistry registry) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.events = Objects.requireNonNull(events, "events");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.registry = Objects.requireNonNull(registry, "registry");
    NotificationMetrics.dead(
        registry); // shown as 0 from the start, so an alert on its increase works
  }

  /** One pass: every due e-mail, a batch at a time. */
  public Report dispatch() {
    int sent = 0;
    int retried = 0;
    int dead = 0;
    for (int pass = 0; pass < 50; pass++) {
      Instant now = clock.instant();
      List<QueuedMessage> batch =
          outbox.claim(MessageChannel.EMAIL, now, now.plus(settings.lease()), settings.batch());
      if (batch.isEmpty()) {
        break;
      }
      for (QueuedMessage message : batch) {
        switch (send(message)) {
          case "sent" -> sent++;
          case "retry" -> retried++;
          default -> dead++;
        }
      }
    }
    return new Report(sent, retried, dead);
  }

  private String send(QueuedMessage queued) {
    String recipient = queued.message().recipient();
    String purpose = queued.message().purpose();
    EmailSender.Outcome outcome;
    if (!(queued.message().content() instanceof MessageContent.Email email)) {
      outcome = new EmailSender.Failed("not an e-mail: " + queued.message().content(), true);
    } else {
      try {
        outcome = sender.send(recipient, email);
      } catch (RuntimeException e) {
        outcome = new EmailSender.Failed(e.toString(), false);
      }
    }
    Instant now = clock.instant();
    return switch (outcome) {
      case EmailSender.Sent sent -> {
        outbox.sent(queued.id(), sent.messageId(), now);
        count(purpose, "sent");
        yield "sent";
      }
      case EmailSender.Failed failed -> {
        int failures = queued.attempts() + 1;
        if (failed.permanent() || failures >= settings.maxAttempts()) {
          transactions.run(
              () -> {
                outbox.dead(queued.id(), failed.reason(), now);
                events.append(deadEvent(queued, failed.reason(), now));
              });
          count(purpose, "dead");
          log.error(
              "E-mail {} ({}) to {} is dead after {} attempts: {}",
              queued.id(),
              purpose,
              recipient,
              failures,
              failed.reason());
          yield "dead";
        }
        outbox.retry(queued.id(), failed.reason(), now.plus(settings.backoff(failures)));
        count(purpose, "retry");
        log.warn(
            "E-mail {} ({}) failed (attempt {}), will retry: {}",
            queued.id(),
            purpose,
            failures,
            failed.reason());
        yield "retry";
      }
    };
  }

  private static DomainEvent deadEvent(QueuedMessage queued, String error, Instant at) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("direction", "out");
    data.put("channel", MessageChannel.EMAIL.name());
    data.put("message_id", Long.toString(queued.id()));
    data.put("recipient", queued.message().recipient());
    data.put("purpose", queued.message().purpose());
    data.put("error", error == null ? "" : error);
    return DomainEvent.of(EventType.MESSAGE_DEAD, "message:" + queued.id(), data, at);
  }

  private void count(String kind, String outcome) {
    NotificationMetrics.sent(registry, "email", kind, outcome);
  }
}
