/**
 * Messages to and from people, whatever the channel: what a guest sent us ({@link
 * ar.booking.core.messaging.InboundMessage}), what we promised to send ({@link
 * ar.booking.core.messaging.OutboundMessage}, queued in the {@link
 * ar.booking.core.messaging.Outbox} in the same unit of work as the change that caused it) and
 * voice notes turned into text ({@link ar.booking.core.messaging.SpeechToText}). The content is a
 * channel-neutral domain value; the adapters render it (WhatsApp text, buttons, lists, templates;
 * e-mail).
 */
package ar.booking.core.messaging;
