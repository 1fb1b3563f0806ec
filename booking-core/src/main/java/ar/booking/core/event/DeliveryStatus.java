package ar.booking.core.event;

/** Where one event stands with one subscriber. */
public enum DeliveryStatus {
  /** Not handled yet, or failed and waiting for its next attempt. */
  PENDING,
  /** Handled. */
  DELIVERED,
  /** Failed too often; waits for the owner (or an operator) to retry it. */
  DEAD
}
