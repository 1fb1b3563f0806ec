package ar.booking.core.messaging;

/**
 * What the channel reported after accepting a message. Ordered: a report never moves a message back
 * ({@code READ} is not overwritten by a late {@code DELIVERED}); {@code FAILED} is final.
 */
public enum DeliveryState {
  ACCEPTED,
  SENT,
  DELIVERED,
  READ,
  PLAYED,
  FAILED;

  /** Whether a report of {@code next} may replace this one. */
  public boolean mayBecome(DeliveryState next) {
    return this != FAILED && next.ordinal() > ordinal();
  }
}
