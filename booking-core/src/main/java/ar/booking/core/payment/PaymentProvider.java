package ar.booking.core.payment;

/** Who took the money. */
public enum PaymentProvider {
  MERCADO_PAGO,
  /** Cash or a bank transfer the owner received and entered by hand. */
  MANUAL
}
