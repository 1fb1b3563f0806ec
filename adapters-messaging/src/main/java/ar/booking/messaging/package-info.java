/**
 * Messaging adapters: the WhatsApp Cloud API ({@code whatsapp}: webhook signature and parsing, the
 * sending client, media download) and e-mail over SMTP ({@code mail}, Jakarta Mail with Angus
 * Mail).
 */
package ar.booking.messaging;
