package ar.booking.core.payment;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event a payment write records; storage adapters call it in the same unit of work. */
public final class PaymentEvents {

  private PaymentEvents() {}

  /**
   * @param before the stored payment, or {@code null} when it is new
   */
  public static DomainEvent changed(Payment before, Payment after, String actor, Instant at) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("provider", after.provider().name());
    data.put("payment_id", after.providerPaymentId());
    after.reservation().ifPresent(code -> data.put("code", code.value()));
    data.put("status", after.status().name());
    if (before != null && before.status() != after.status()) {
      data.put("previous_status", before.status().name());
    }
    data.put("amount", after.amount().amount().toPlainString());
    data.put("refunded", after.refunded().amount().toPlainString());
    data.put("currency", after.amount().currency().getCurrencyCode());
    data.put("actor", actor == null ? "unknown" : actor);
    // A booking's payments share its stream, so they are delivered in order with its changes.
    String stream =
        after
            .reservation()
            .map(code -> code.value())
            .orElse("payment:" + after.provider().name() + ":" + after.providerPaymentId());
    return DomainEvent.of(
        before == null ? EventType.PAYMENT_RECORDED : EventType.PAYMENT_UPDATED, stream, data, at);
  }
}
