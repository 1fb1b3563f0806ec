package ar.booking.core.payment;

import java.time.Instant;
import java.util.List;

/**
 * Provider notifications, recorded at once and processed later: unique on (payment id, action), so
 * a duplicate delivery is stored once; claimed by one worker at a time; retried when processing
 * fails. Thread-safe.
 */
public interface PaymentNotifications {

  /**
   * Records a notification; false when (payment id, action) was recorded before. A repeat of one
   * already processed makes it due again (Mercado Pago sends {@code payment.updated} again when a
   * payment changes, and processing re-reads the payment, so doing it again is harmless).
   */
  boolean record(
      String providerPaymentId, String action, String requestId, String rawBody, Instant at);

  /**
   * Unprocessed notifications due at {@code now}, oldest first; none is claimable again before
   * {@code leaseUntil}.
   */
  List<Pending> claim(Instant now, Instant leaseUntil, int limit);

  void processed(long id, String outcome, Instant at);

  /** Processing failed; due again at {@code retryAt}. */
  void failed(long id, String error, Instant retryAt);

  /** Notifications not processed yet. */
  long unprocessed();

  /** One claimed notification. */
  record Pending(long id, String providerPaymentId, String action, int attempts) {}
}
