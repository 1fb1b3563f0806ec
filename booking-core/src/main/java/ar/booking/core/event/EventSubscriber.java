package ar.booking.core.event;

/**
 * Reacts to committed events (metrics, messages to guests, owner alerts). Delivery is at least once
 * and in order per stream, so {@link #handle} must be idempotent. Throwing means "try again later";
 * after too many failures the delivery goes dead and waits for the owner.
 */
public interface EventSubscriber {

  /** A stable name: progress is kept under it, so renaming it starts over. */
  String name();

  void handle(DomainEvent event) throws Exception;
}
