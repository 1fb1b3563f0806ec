/**
 * Mercado Pago in the app (issue 11, ADR 0011): the signed webhook, the jobs that read each
 * notified payment from Mercado Pago and reconcile holds with no notification, the owner's payment
 * link and refund routes, the local sandbox gateway, and the payment metrics.
 */
package ar.booking.app.mercadopago;
