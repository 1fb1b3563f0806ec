package ar.booking.core.payment;

import ar.booking.core.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment as its provider reports it when asked (never as a notification claims it).
 *
 * @param id the provider's payment id
 * @param externalReference what we asked the provider to carry: our reservation code, or {@code
 *     null}
 * @param refunded how much of it was given back
 * @param approvedAt when the provider approved it, or {@code null}
 */
public record ProviderPayment(
    String id,
    PaymentStatus status,
    String statusDetail,
    String externalReference,
    Money amount,
    Money refunded,
    Instant approvedAt) {

  public ProviderPayment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    refunded = refunded == null ? Money.zero(amount.currency()) : refunded;
  }

  public Optional<String> reference() {
    return Optional.ofNullable(externalReference).map(String::strip).filter(s -> !s.isEmpty());
  }
}
