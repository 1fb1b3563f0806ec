/**
 * Payments as records of their own: who was paid how much for which booking, as the provider last
 * reported it. A reservation's amount paid is derived from them (approved payments minus refunds),
 * and {@link ar.booking.core.payment.RecordPayment} decides whether a payment confirms a hold.
 */
package ar.booking.core.payment;
