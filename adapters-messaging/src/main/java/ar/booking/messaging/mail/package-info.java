/**
 * E-mail: {@link ar.booking.messaging.mail.SmtpEmailSender} sends multipart (plain text and HTML,
 * with attachments) messages over SMTP with Jakarta Mail; {@link
 * ar.booking.messaging.mail.SandboxEmailSender} keeps them in memory for development.
 */
package ar.booking.messaging.mail;
