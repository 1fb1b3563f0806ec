/**
 * Mercado Pago over its REST API with the JDK's HTTP client (ADR 0011): Checkout Pro preferences,
 * payment lookup and search, refunds, and the webhook signature.
 */
package ar.booking.payments.mercadopago;
