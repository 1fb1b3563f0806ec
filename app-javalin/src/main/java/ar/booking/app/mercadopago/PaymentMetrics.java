package ar.booking.app.mercadopago;

import ar.booking.core.payment.ApplyProviderPayment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code payments_total{status}}, {@code payment_confirmation_seconds}, {@code
 * payments_orphan_total}, {@code payments_late_total{outcome}} and {@code
 * mercadopago_api_errors_total{operation}}. Only news counts: a repeat changes no meter.
 */
public final class PaymentMetrics {

  private final MeterRegistry registry;
  private final Timer confirmation;
  private final Counter orphans;

  public PaymentMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.confirmation =
        Timer.builder("payment.confirmation")
            .description("From the payment's approval to its booking's confirmation")
            .register(registry);
    this.orphans =
        Counter.builder("payments.orphan")
            .description("Payments whose reference names no booking")
            .register(registry);
  }

  /** Counts what applying a payment did; {@code since} is when its approval became known. */
  public void applied(ApplyProviderPayment.Applied applied, Instant since, Instant now) {
    if (!applied.news()) {
      return;
    }
    Counter.builder("payments")
        .description("Payments applied, by their status at Mercado Pago")
        .tag("status", applied.payment().status().name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    switch (applied.decision()) {
      case ORPHAN -> orphans.increment();
      case LATE_CONFIRMED -> late("confirmed");
      case LATE_REFUNDED -> late("refunded");
      case LATE_OWNER -> late("owner");
      default -> {}
    }
    if (applied.decision() == ApplyProviderPayment.Decision.CONFIRMED
        || applied.decision() == ApplyProviderPayment.Decision.LATE_CONFIRMED) {
      Duration took = since == null ? Duration.ZERO : Duration.between(since, now);
      confirmation.record(took.isNegative() ? Duration.ZERO : took);
    }
  }

  private void late(String outcome) {
    Counter.builder("payments.late")
        .description("Approved payments for expired holds, by what came of them")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A failed call to Mercado Pago. */
  public void apiError(String operation) {
    Counter.builder("mercadopago.api.errors")
        .description("Failed calls to Mercado Pago, by operation")
        .tag("operation", operation)
        .register(registry)
        .increment();
  }
}
