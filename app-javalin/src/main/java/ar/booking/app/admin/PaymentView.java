package ar.booking.app.admin;

import ar.booking.core.payment.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** A payment of a reservation as the owner sees it; {@code provider} is mercado_pago or manual. */
record PaymentView(
    long id,
    String provider,
    String providerPaymentId,
    String status,
    BigDecimal amount,
    BigDecimal refunded,
    String currency,
    Instant approvedAt,
    Instant createdAt,
    Instant updatedAt) {

  static PaymentView of(Payment p) {
    return new PaymentView(
        p.id(),
        p.provider().name().toLowerCase(Locale.ROOT),
        p.providerPaymentId(),
        p.status().name().toLowerCase(Locale.ROOT),
        p.amount().amount(),
        p.refunded().amount(),
        p.amount().currency().getCurrencyCode(),
        p.approvedAt(),
        p.createdAt(),
        p.updatedAt());
  }
}
