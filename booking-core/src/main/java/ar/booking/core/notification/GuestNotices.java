package ar.booking.core.notification;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventSubscriber;
import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells the guest what happened to their booking: confirmed, or entered confirmed by the owner
 * (WhatsApp, and an e-mail with the stay as an {@code .ics} when the address is known), hold
 * expired (with a button to book again), a failed payment (with a fresh link), a pending payment, a
 * late payment refunded. Keys derive from the reservation (confirmation, expiry: once per
 * reservation) or the event (payments).
 */
public final class GuestNotices implements EventSubscriber {

  public static final String NAME = "guest_notices";

  /**
   * The id of the button that offers to book again after an expiry: the dialog's "availability"
   * menu choice, so the guest's tap starts a new search.
   */
  public static final String BOOK_AGAIN = "menu:availability";

  private final Outbox outbox;
  private final Transactions transactions;
  private final Reservations reservations;
  private final Accommodations accommodations;
  private final Optional<IssuePaymentLink> paymentLinks;
  private final NotificationTexts texts;
  private final StayFacts facts;
  private final String domain;
  private final Clock clock;

  /**
   * @param paymentLinks issues the fresh link after a failed payment; empty without a gateway
   * @param domain the host the {@code .ics} UIDs are made unique with
   */
  public GuestNotices(
      Outbox outbox,
      Transactions transactions,
      Reservations reservations,
      Accommodations accommodations,
      Optional<IssuePaymentLink> paymentLinks,
      NotificationTexts texts,
      String domain,
      Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.paymentLinks = Objects.requireNonNull(paymentLinks, "paymentLinks");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.facts = new StayFacts(reservations, accommodations, texts);
    this.domain = Objects.requireNonNull(domain, "domain");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void handle(DomainEvent event) {
    if (!"GUEST_BOOKING".equals(event.get("kind"))
        && event.type() != ar.booking.core.event.EventType.PAYMENT_ANOMALY
        && event.type() != ar.booking.core.event.EventType.PAYMENT_FAILED
        && event.type() != ar.booking.core.event.EventType.PAYMENT_PENDING) {
      return;
    }
    Optional<Reservation> found = facts.reservation(event);
    if (found.isEmpty()) {
      return;
    }
    Reservation r = found.get();
    Accommodation unit = accommodations.find(r.accommodationId()).orElse(null);
    Map<String, String> known = facts.of(r, unit);
    String code = r.code().value();
    List<OutboundMessage> messages = new ArrayList<>();
    Instant now = clock.instant();
    switch (event.type()) {
      case CONFIRMED, BOOKING_CREATED -> {
        known.put("balance", balance(known));
        known.put(
            "address",
            unit == null || unit.address() == null
                ? ""
                : texts.render("guest.confirmed.address", known));
        whatsapp(r, "guest:confirmed:" + code, text("guest.confirmed", known), "booking_confirmed")
            .ifPresent(messages::add);
        if (r.contact().email() != null) {
          messages.add(confirmationMail(r, unit, now));
        }
      }
      case HOLD_EXPIRED ->
          whatsapp(
                  r,
                  "guest:expired:" + code,
                  new MessageContent.Buttons(
                      texts.render("guest.expired", known),
                      null,
                      List.of(Choice.of(BOOK_AGAIN, texts.render("guest.expired.button", known)))),
                  "hold_expired")
              .ifPresent(messages::add);
      case PAYMENT_FAILED -> {
        Optional<String> link = freshLink(r);
        known.put("link", link.orElse(""));
        whatsapp(
                r,
                "guest:payment-failed:" + event.id(),
                text(
                    link.isPresent() ? "guest.payment_failed" : "guest.payment_failed.no_link",
                    known),
                "payment_failed")
            .ifPresent(messages::add);
      }
      case PAYMENT_PENDING ->
          whatsapp(
                  r,
                  "guest:payment-pending:" + event.id(),
                  text("guest.payment_pending", known),
                  "payment_pending")
              .ifPresent(messages::add);
      case PAYMENT_ANOMALY -> {
        if ("late_refunded".equals(event.get("kind"))) {
          whatsapp(
                  r,
                  "guest:late-refunded:" + event.id(),
                  text("guest.late_refunded", known),
                  "payment_refunded")
              .ifPresent(messages::add);
        }
      }
      default -> {
        // nothing for the guest
      }
    }
    if (!messages.isEmpty()) {
      transactions.run(() -> messages.forEach(outbox::enqueue));
    }
  }

  /** The confirmation e-mail with the stay attached; public for the app's preview. */
  public OutboundMessage confirmationMail(Reservation r, Accommodation unit, Instant now) {
    Map<String, String> known = facts.of(r, unit);
    MessageContent.Email mail =
        new MessageContent.Email(
            texts.render("mail.confirmed.subject", known),
            texts.render("mail.confirmed.text", known),
            texts.renderHtml("mail.confirmed.html", known),
            List.of(StayIcs.of(r, unit, texts.render("mail.ics.summary", known), domain, now)));
    return new OutboundMessage(
        "guest:confirmed-mail:" + r.code().value(),
        MessageChannel.EMAIL,
        r.contact().email(),
        mail,
        "booking_confirmed",
        now);
  }

  private String balance(Map<String, String> known) {
    String due = known.get("balance_due");
    if (due == null || new java.math.BigDecimal(due).signum() == 0) {
      return "";
    }
    return texts.render("guest.confirmed.balance", known);
  }

  private Optional<String> freshLink(Reservation r) {
    if (paymentLinks.isEmpty()) {
      return Optional.empty();
    }
    return switch (paymentLinks.get().issue(r.code())) {
      case IssuePaymentLink.Issued issued -> Optional.of(issued.link().url());
      case IssuePaymentLink.NotPayable notPayable -> Optional.empty();
      case IssuePaymentLink.GatewayDown down ->
          throw new IllegalStateException("payment link not issued: " + down.reason());
    };
  }

  private MessageContent text(String key, Map<String, String> known) {
    return new MessageContent.Text(texts.render(key, known));
  }

  private Optional<OutboundMessage> whatsapp(
      Reservation r, String key, MessageContent content, String purpose) {
    if (r.contact().whatsappId() == null) {
      return Optional.empty();
    }
    return Optional.of(
        OutboundMessage.whatsapp(key, r.contact().whatsappId(), content, purpose, clock.instant()));
  }
}
