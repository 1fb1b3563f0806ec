package ar.booking.core.messaging;

/** What a guest sent. Anything the channel adds later arrives as {@link #OTHER}. */
public enum InboundKind {
  TEXT,
  CHOICE,
  AUDIO,
  IMAGE,
  DOCUMENT,
  LOCATION,
  STICKER,
  REACTION,
  OTHER
}
