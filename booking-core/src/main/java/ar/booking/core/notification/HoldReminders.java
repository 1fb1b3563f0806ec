package ar.booking.core.notification;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reminds a guest {@code before} their hold expires, with the payment link, once per reservation:
 * the step {@link #STEP} is marked in the same unit of work as the message is queued, so neither a
 * second instance nor a restart sends it again.
 */
public final class HoldReminders {

  public static final String STEP = "hold_reminder";
  private static final int BATCH = 200;

  private final Reservations reservations;
  private final Accommodations accommodations;
  private final Outbox outbox;
  private final TimelineSteps steps;
  private final Transactions transactions;
  private final Optional<IssuePaymentLink> paymentLinks;
  private final NotificationTexts texts;
  private final StayFacts facts;
  private final Duration before;
  private final Clock clock;

  public HoldReminders(
      Reservations reservations,
      Accommodations accommodations,
      Outbox outbox,
      TimelineSteps steps,
      Transactions transactions,
      Optional<IssuePaymentLink> paymentLinks,
      NotificationTexts texts,
      Duration before,
      Clock clock) {
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.steps = Objects.requireNonNull(steps, "steps");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.paymentLinks = Objects.requireNonNull(paymentLinks, "paymentLinks");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.facts = new StayFacts(reservations, accommodations, texts);
    this.before = Objects.requireNonNull(before, "before");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reminds every live hold expiring within the lead time; returns how many were reminded. */
  public int execute() {
    Instant now = clock.instant();
    int sent = 0;
    for (Reservation hold : reservations.expiredHolds(now.plus(before), BATCH)) {
      if (hold.isExpiredHold(now)
          || hold.contact().whatsappId() == null
          || steps.done(hold.code(), STEP)) {
        continue;
      }
      Optional<String> link = link(hold);
      Accommodation unit = accommodations.find(hold.accommodationId()).orElse(null);
      Map<String, String> known = facts.of(hold, unit);
      known.put("link", link.orElse(""));
      String body =
          texts.render(
              link.isPresent() ? "guest.hold_reminder" : "guest.hold_reminder.no_link", known);
      OutboundMessage message =
          OutboundMessage.whatsapp(
              "hold-reminder:" + hold.code().value(),
              hold.contact().whatsappId(),
              new MessageContent.Text(body),
              STEP,
              now);
      boolean queued =
          transactions.inTransaction(
              () -> {
                if (!steps.mark(hold.code(), STEP, now)) {
                  return false;
                }
                outbox.enqueue(message);
                return true;
              });
      if (queued) {
        sent++;
      }
    }
    return sent;
  }

  private Optional<String> link(Reservation hold) {
    if (paymentLinks.isEmpty()) {
      return Optional.empty();
    }
    return switch (paymentLinks.get().issue(hold.code())) {
      case IssuePaymentLink.Issued issued -> Optional.of(issued.link().url());
      case IssuePaymentLink.NotPayable notPayable -> Optional.empty();
      case IssuePaymentLink.GatewayDown down -> Optional.empty();
    };
  }
}
