/**
 * Messaging adapters: the WhatsApp Cloud API ({@code whatsapp}: webhook signature and parsing, the
 * sending client).
 */
package ar.booking.messaging;
