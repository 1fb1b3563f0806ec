package ar.booking.core.payment;

/** A payment's state as its provider reports it. */
public enum PaymentStatus {
  PENDING,
  IN_PROCESS,
  APPROVED,
  REJECTED,
  CANCELLED,
  /** Fully refunded. A partial refund keeps {@link #APPROVED} with a refunded amount. */
  REFUNDED,
  CHARGED_BACK;

  /** Only approved money counts towards what a guest has paid (less what was refunded). */
  public boolean countsAsPaid() {
    return this == APPROVED;
  }
}
