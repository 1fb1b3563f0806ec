package ar.booking.core.notification;

import ar.booking.core.event.Delivery;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventSubscriber;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells the owner what needs them: every alert-worthy event becomes one message to each WhatsApp
 * number and e-mail address of the {@link AlertPolicy}, unless its kind is muted. Keys derive from
 * the event id, so a redelivered event queues nothing new.
 */
public final class OwnerAlerts implements EventSubscriber {

  public static final String NAME = "owner_alerts";
  public static final String PURPOSE = "owner_alert";

  private final Outbox outbox;
  private final Transactions transactions;
  private final AlertPolicy policy;
  private final StayFacts facts;
  private final NotificationTexts texts;
  private final Clock clock;

  public OwnerAlerts(
      Outbox outbox,
      Transactions transactions,
      AlertPolicy policy,
      Reservations reservations,
      Accommodations accommodations,
      NotificationTexts texts,
      Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.facts = new StayFacts(reservations, accommodations, texts);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The alert kind of an event, if it is one the owner hears about. */
  public static Optional<AlertKind> kindOf(DomainEvent event) {
    boolean guestBooking = !"OWNER_BLOCK".equals(event.get("kind"));
    return Optional.ofNullable(
        switch (event.type()) {
          case HOLD_PLACED -> AlertKind.HOLD_PLACED;
          case CONFIRMED -> AlertKind.CONFIRMED;
          case CANCELLED -> guestBooking ? AlertKind.CANCELLED : null;
          case HOLD_EXPIRED -> AlertKind.EXPIRED;
          case PAYMENT_ANOMALY -> AlertKind.PAYMENT_ANOMALY;
          case ICAL_CONFLICT -> AlertKind.ICAL_CONFLICT;
          case ICAL_FEED_FAILED -> AlertKind.FEED_FAILED;
          case HANDOFF_REQUESTED -> AlertKind.HANDOFF;
          case MESSAGE_DEAD -> AlertKind.MESSAGE_DEAD;
          default -> null;
        });
  }

  @Override
  public void handle(DomainEvent event) {
    Optional<AlertKind> kind = kindOf(event);
    if (kind.isEmpty()) {
      return;
    }
    if (kind.get() == AlertKind.MESSAGE_DEAD && aboutAnAlert(event)) {
      return; // an alert that did not go out is not alerted about again: it would loop
    }
    Map<String, String> known = facts.of(event);
    String key = kind.get().code();
    if (kind.get() == AlertKind.PAYMENT_ANOMALY) {
      String anomaly = event.get("kind");
      key = texts.has("owner.payment_anomaly." + anomaly) ? "payment_anomaly." + anomaly : null;
      key = key == null ? "payment_anomaly.other" : key;
    }
    send(kind.get(), "alert:" + event.id(), texts.render("owner." + key, known), known);
  }

  /**
   * Alerts about an event delivery given up on (called by the app's dispatch listener, outside any
   * subscriber): once per event and subscriber.
   */
  public void eventDead(Delivery delivery, String error) {
    if (NAME.equals(delivery.subscriber())) {
      return; // an alert that cannot be queued cannot alert about itself
    }
    Map<String, String> known = new LinkedHashMap<>();
    known.put("type", delivery.event().type().name());
    known.put("stream", delivery.event().stream());
    known.put("subscriber", delivery.subscriber());
    known.put("error", error == null ? "" : abbreviate(error));
    send(
        AlertKind.EVENT_DEAD,
        "alert:event-dead:" + delivery.event().id() + ":" + delivery.subscriber(),
        texts.render("owner.event_dead", known),
        known);
  }

  private void send(AlertKind kind, String keyPrefix, String text, Map<String, String> known) {
    AlertPreferences prefs = policy.current();
    if (prefs.mutes(kind)) {
      return;
    }
    Map<String, String> titleFacts = new LinkedHashMap<>(known);
    titleFacts.put("title", texts.render("owner.title." + kind.code(), known));
    String subject = texts.render("owner.subject", titleFacts);
    var now = clock.instant();
    transactions.run(
        () -> {
          for (String number : prefs.whatsapp()) {
            outbox.enqueue(
                OutboundMessage.whatsapp(
                    keyPrefix + ":wa:" + number,
                    number,
                    new MessageContent.Text(text),
                    PURPOSE,
                    now));
          }
          for (String email : prefs.emails()) {
            outbox.enqueue(
                new OutboundMessage(
                    keyPrefix + ":mail:" + email,
                    MessageChannel.EMAIL,
                    email,
                    new MessageContent.Email(
                        subject, text, "<p>" + NotificationTexts.escape(text) + "</p>", List.of()),
                    PURPOSE,
                    now));
          }
        });
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private boolean aboutAnAlert(DomainEvent event) {
    if (PURPOSE.equals(event.get("purpose"))) {
      return true;
    }
    String recipient = event.get("recipient");
    AlertPreferences prefs = policy.current();
    return recipient != null
        && (prefs.whatsapp().contains(recipient) || prefs.emails().contains(recipient));
  }
}
