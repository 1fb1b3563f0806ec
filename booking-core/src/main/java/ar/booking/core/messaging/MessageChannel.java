package ar.booking.core.messaging;

/** How a message travels. */
public enum MessageChannel {
  WHATSAPP,
  EMAIL
}
