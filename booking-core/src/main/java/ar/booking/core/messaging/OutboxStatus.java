package ar.booking.core.messaging;

/** Where a queued message is: waiting (to be tried or retried), handed over, or given up on. */
public enum OutboxStatus {
  PENDING,
  SENT,
  DEAD
}
