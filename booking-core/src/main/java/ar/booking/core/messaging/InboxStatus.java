package ar.booking.core.messaging;

/** Where a received message is in its handling. */
public enum InboxStatus {
  PENDING,
  PROCESSED,
  DEAD
}
