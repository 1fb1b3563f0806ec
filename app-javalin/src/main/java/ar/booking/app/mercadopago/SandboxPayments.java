package ar.booking.app.mercadopago;

import ar.booking.core.payment.PaymentGateway;
import ar.booking.core.payment.PaymentLink;
import ar.booking.core.payment.PaymentNotifications;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.ProviderPayment;
import ar.booking.core.payment.ProviderPayments;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The development stand-in for Mercado Pago (no access token, outside production): a link is a
 * local page {@code /sandbox/pay/{code}}; what the developer clicks there becomes a payment this
 * class keeps and a notification recorded like a real one, so it travels the same processing path
 * (the job reads it back here). Kept in memory; thread-safe.
 */
public final class SandboxPayments implements PaymentGateway, ProviderPayments {

  public static final String PAGE = "/sandbox/pay/";

  private final String baseUrl;
  private final PaymentNotifications notifications;
  private final Clock clock;
  private final Map<String, ProviderPayment> payments = new LinkedHashMap<>();
  private final Map<ReservationCode, Money> amounts = new HashMap<>();
  private final Map<String, RefundOutcome> refunds = new HashMap<>();
  private long lastId;

  public SandboxPayments(String baseUrl, PaymentNotifications notifications, Clock clock) {
    this.baseUrl = baseUrl;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public synchronized LinkOutcome createLink(LinkRequest request) {
    amounts.put(request.code(), request.amount());
    return new Created(
        new PaymentLink(
            request.code(),
            baseUrl + PAGE + request.code().value(),
            request.amount(),
            request.expiresAt(),
            "sandbox-" + request.code().value()));
  }

  /** The amount the page offers for {@code code}, if a link was made. */
  public synchronized Optional<Money> amount(ReservationCode code) {
    return Optional.ofNullable(amounts.get(code));
  }

  /**
   * What a click on the page does: the booking's open payment (pending or in process) moves to
   * {@code status}, or a new payment is made; then a notification is recorded for it.
   */
  public ProviderPayment simulate(ReservationCode code, Money amount, PaymentStatus status) {
    ProviderPayment payment;
    String action;
    synchronized (this) {
      ProviderPayment open =
          payments.values().stream()
              .filter(p -> code.value().equals(p.externalReference()))
              .filter(
                  p ->
                      p.status() == PaymentStatus.PENDING || p.status() == PaymentStatus.IN_PROCESS)
              .findFirst()
              .orElse(null);
      String id = open != null ? open.id() : "sandbox-" + (++lastId);
      action = open != null ? "payment.updated" : "payment.created";
      payment =
          new ProviderPayment(
              id,
              status,
              "sandbox",
              code.value(),
              amount,
              null,
              status == PaymentStatus.APPROVED ? clock.instant() : null);
      payments.put(id, payment);
    }
    notifications.record(
        payment.id(),
        action,
        "sandbox",
        "{\"sandbox\":true,\"status\":\"" + status + "\"}",
        clock.instant());
    return payment;
  }

  @Override
  public synchronized Optional<ProviderPayment> payment(String providerPaymentId) {
    return Optional.ofNullable(payments.get(providerPaymentId));
  }

  @Override
  public synchronized List<ProviderPayment> search(ReservationCode code) {
    List<ProviderPayment> found =
        new ArrayList<>(
            payments.values().stream()
                .filter(p -> code.value().equals(p.externalReference()))
                .toList());
    found.sort(Comparator.comparing(ProviderPayment::id).reversed());
    return found;
  }

  @Override
  public RefundOutcome refund(String providerPaymentId, Money amount, String idempotencyKey) {
    ProviderPayment refunded;
    synchronized (this) {
      RefundOutcome done = refunds.get(idempotencyKey);
      if (done != null) {
        return done;
      }
      ProviderPayment p = payments.get(providerPaymentId);
      if (p == null || p.status() != PaymentStatus.APPROVED) {
        return new RefundRefused("no approved sandbox payment " + providerPaymentId, false);
      }
      Money back = amount == null ? p.amount().minus(p.refunded()) : amount;
      Money total = p.refunded().plus(back);
      if (!p.amount().isAtLeast(total)) {
        return new RefundRefused("more than was paid", false);
      }
      refunded =
          new ProviderPayment(
              p.id(),
              total.equals(p.amount()) ? PaymentStatus.REFUNDED : PaymentStatus.APPROVED,
              "refunded",
              p.externalReference(),
              p.amount(),
              total,
              p.approvedAt());
      payments.put(p.id(), refunded);
    }
    Refunded outcome =
        new Refunded(
            "sandbox-refund-" + refunds.size(), amount == null ? refunded.refunded() : amount);
    synchronized (this) {
      refunds.put(idempotencyKey, outcome);
    }
    notifications.record(providerPaymentId, "payment.updated", "sandbox", "{}", clock.instant());
    return outcome;
  }
}
