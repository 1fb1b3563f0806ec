package ar.booking.core.event;

import java.time.Instant;
import java.util.List;

/**
 * The durable log of domain events and of their delivery to each subscriber. Appends join the
 * caller's unit of work, so an event becomes visible exactly when its change commits (and never for
 * a change that rolled back). Every append creates one pending delivery per registered subscriber.
 * Thread-safe and safe across processes.
 */
public interface EventLog {

  /** Records the event in the caller's unit of work (or on its own when there is none). */
  void append(DomainEvent event);

  /**
   * Registers a subscriber (idempotent, remembered across restarts): events appended from now on
   * get a delivery for it.
   */
  void register(String subscriber);

  /**
   * Claims up to {@code limit} pending deliveries of {@code subscriber} that are due at {@code
   * now}, oldest first: only the oldest undelivered event of each stream is ever claimable, so a
   * stream is delivered in order. A claimed delivery is not claimable again (by anyone) before
   * {@code leaseUntil}, which is how a crashed dispatcher's work comes back.
   */
  List<Delivery> claim(String subscriber, Instant now, Instant leaseUntil, int limit);

  /** The subscriber handled the event. */
  void delivered(long eventId, String subscriber, Instant at);

  /** The attempt failed: count it and try again at {@code retryAt}. */
  void failed(long eventId, String subscriber, String error, Instant retryAt);

  /** The attempt failed for the last time: the delivery waits in the dead state. */
  void dead(long eventId, String subscriber, String error, Instant at);

  /** Puts a dead delivery back in line; false when there is no such dead delivery. */
  boolean retry(long eventId, String subscriber, Instant now);

  /** Deliveries in {@code status}, newest event first. */
  List<Delivery> deliveries(DeliveryStatus status, int limit);

  long count(DeliveryStatus status);

  /** Every event of a stream, in order (a reservation's timeline). */
  List<DomainEvent> stream(String stream);

  /**
   * Deletes events that occurred before {@code before} and that every subscriber has handled (no
   * pending or dead delivery), with their deliveries; returns how many events.
   */
  int prune(Instant before);
}
