/** Payment provider adapters: Mercado Pago over its REST API ({@code mercadopago}). */
package ar.booking.payments;
