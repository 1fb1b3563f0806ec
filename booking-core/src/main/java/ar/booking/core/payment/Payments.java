package ar.booking.core.payment;

import ar.booking.core.reservation.ReservationCode;
import java.util.List;
import java.util.Optional;

/**
 * Every payment, keyed by (provider, provider payment id). Recording is idempotent: the same report
 * twice changes nothing; a newer report (approved, refunded…) updates the stored payment. Each
 * change appends its {@code PAYMENT_RECORDED} / {@code PAYMENT_UPDATED} event in the same unit of
 * work. Thread-safe; joins the caller's unit of work.
 */
public interface Payments {

  RecordOutcome record(Payment payment, String actor);

  Optional<Payment> find(PaymentProvider provider, String providerPaymentId);

  /** The payments of a booking, oldest first. */
  List<Payment> ofReservation(ReservationCode code);

  /**
   * The latest payments of every booking (and those of none), newest first, at most {@code limit}.
   */
  List<Payment> latest(int limit);

  /** Result of {@link #record}. */
  sealed interface RecordOutcome permits Created, Changed, Unchanged {
    Payment payment();
  }

  record Created(Payment payment) implements RecordOutcome {}

  record Changed(Payment before, Payment payment) implements RecordOutcome {}

  /** The same report again: nothing was written. */
  record Unchanged(Payment payment) implements RecordOutcome {}
}
