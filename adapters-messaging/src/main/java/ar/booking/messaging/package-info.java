/**
 * Messaging adapters: e-mail over SMTP ({@code mail}, Jakarta Mail with Angus Mail); the WhatsApp
 * Cloud API arrives with its own issue.
 */
package ar.booking.messaging;
