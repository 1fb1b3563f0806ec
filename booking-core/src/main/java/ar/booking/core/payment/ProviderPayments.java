package ar.booking.core.payment;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import java.util.List;
import java.util.Optional;

/**
 * Reading payments from the provider (the truth, whatever a notification said) and giving money
 * back. Bounded in time; the provider being down is {@link Unavailable}. Thread-safe.
 */
public interface ProviderPayments {

  /**
   * The payment as the provider knows it now; empty when the provider does not know the id.
   *
   * @throws Unavailable when the provider cannot answer now (try again later)
   */
  Optional<ProviderPayment> payment(String providerPaymentId);

  /**
   * The payments carrying {@code code} as their external reference, newest first.
   *
   * @throws Unavailable when the provider cannot answer now
   */
  List<ProviderPayment> search(ReservationCode code);

  /**
   * Gives back {@code amount} of a payment ({@code null}: all of it). Idempotent on {@code
   * idempotencyKey}: the same key twice refunds once.
   */
  RefundOutcome refund(String providerPaymentId, Money amount, String idempotencyKey);

  /** Result of {@link #refund}. */
  sealed interface RefundOutcome permits Refunded, RefundRefused {}

  /**
   * @param refundId the provider's id of the refund
   */
  record Refunded(String refundId, Money amount) implements RefundOutcome {}

  /**
   * The provider refused or could not be reached.
   *
   * @param retryable whether asking again later may work
   */
  record RefundRefused(String reason, boolean retryable) implements RefundOutcome {}

  /** The provider cannot answer now. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
