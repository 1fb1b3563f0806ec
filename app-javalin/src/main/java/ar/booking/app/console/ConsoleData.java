package ar.booking.app.console;

import ar.booking.core.payment.IssuePaymentLink;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console shows from parts that are wired in later (the WhatsApp inbox, Mercado Pago
 * payments, notification alerts): small read-only sources the composition root plugs in. A source
 * that is not wired shows as "sin datos".
 */
public record ConsoleData(
    Optional<InboxSource> inbox,
    Optional<PaymentSource> payments,
    Optional<AlertSource> alerts,
    Optional<IssuePaymentLink> paymentLinks) {

  public ConsoleData {
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(paymentLinks, "paymentLinks");
  }

  /** Without payment links. */
  public ConsoleData(
      Optional<InboxSource> inbox, Optional<PaymentSource> payments, Optional<AlertSource> alerts) {
    this(inbox, payments, alerts, Optional.empty());
  }

  /** Nothing wired yet. */
  public static ConsoleData none() {
    return new ConsoleData(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ConsoleData withInbox(InboxSource source) {
    return new ConsoleData(Optional.of(source), payments, alerts, paymentLinks);
  }

  public ConsoleData withPayments(PaymentSource source) {
    return new ConsoleData(inbox, Optional.of(source), alerts, paymentLinks);
  }

  public ConsoleData withAlerts(AlertSource source) {
    return new ConsoleData(inbox, payments, Optional.of(source), paymentLinks);
  }

  /** The "send a payment link" action on a hold's page. */
  public ConsoleData withPaymentLinks(IssuePaymentLink issue) {
    return new ConsoleData(inbox, payments, alerts, Optional.of(issue));
  }

  /** The latest conversations, guests waiting for a human first. */
  @FunctionalInterface
  public interface InboxSource {
    List<ConversationLine> latest(int limit);
  }

  /** The latest payments, newest first. */
  @FunctionalInterface
  public interface PaymentSource {
    List<PaymentLine> latest(int limit);
  }

  /** What needs the owner's attention now (orphan or late payments, dead messages…). */
  @FunctionalInterface
  public interface AlertSource {
    List<AlertLine> current();
  }

  /**
   * One conversation: who, on which channel, the last message, when, and whether the guest waits
   * for a human answer.
   */
  public record ConversationLine(
      String guest,
      String channel,
      String lastMessage,
      Instant lastAt,
      boolean waitingForHuman,
      String waId) {

    /** A line without a transcript to open. */
    public ConversationLine(
        String guest, String channel, String lastMessage, Instant lastAt, boolean waitingForHuman) {
      this(guest, channel, lastMessage, lastAt, waitingForHuman, null);
    }
  }

  /** One payment: for which reservation (may be null: an orphan), how much, in what state. */
  public record PaymentLine(
      String reservationCode, String provider, String amount, String status, Instant at) {}

  /** One alert: a short kind ("pago huérfano", "mensaje no entregado"…) and its text. */
  public record AlertLine(String kind, String text, Instant at) {}
}
