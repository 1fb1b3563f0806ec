package ar.booking.core.payment;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import java.time.Instant;

/**
 * The payment provider (Mercado Pago, or the development sandbox). Implementations are bounded in
 * time and never throw for the provider being down: that is a {@link LinkOutcome} (the caller goes
 * on without the link). Thread-safe.
 */
public interface PaymentGateway {

  /**
   * Creates a checkout link. Idempotent on {@code request.idempotencyKey()} where the provider
   * supports it.
   */
  LinkOutcome createLink(LinkRequest request);

  /** What to charge: {@code title} names the unit and the nights. */
  record LinkRequest(
      ReservationCode code, String title, Money amount, Instant expiresAt, String idempotencyKey) {}

  /** Result of {@link #createLink}. */
  sealed interface LinkOutcome permits Created, Failed {}

  record Created(PaymentLink link) implements LinkOutcome {}

  /** The provider refused or could not be reached. */
  record Failed(String reason) implements LinkOutcome {}
}
