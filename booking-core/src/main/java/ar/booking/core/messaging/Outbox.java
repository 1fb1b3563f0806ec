package ar.booking.core.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of messages we promised to send. {@link #enqueue} joins the caller's unit of
 * work, so a reply exists exactly when the change that caused it commits; it is idempotent on the
 * message key. Dispatchers {@link #claim} due messages with a lease (safe across processes: a
 * message is claimed by one dispatcher at a time, and a crashed dispatcher's claim comes back when
 * the lease ends), oldest first and in order per recipient. Thread-safe.
 */
public interface Outbox {

  /** Queues the message; false (and nothing written) when its key is already queued. */
  boolean enqueue(OutboundMessage message);

  /**
   * Up to {@code limit} pending messages of {@code channel} due at {@code now}, oldest first, at
   * most one per recipient (the oldest pending one), each invisible to other claims until {@code
   * leaseUntil}.
   */
  List<QueuedMessage> claim(MessageChannel channel, Instant now, Instant leaseUntil, int limit);

  /** The channel accepted the message. */
  void sent(long id, String providerMessageId, Instant at);

  /** The attempt failed: count it and try again at {@code retryAt}. */
  void retry(long id, String error, Instant retryAt);

  /** Given up: the message waits in the dead state for the owner. */
  void dead(long id, String error, Instant at);

  /** Puts a dead message back in line; false when there is no such dead message. */
  boolean resend(long id, Instant now);

  /**
   * Records a delivery report for the message the channel knows as {@code providerMessageId},
   * monotonically ({@link DeliveryState#mayBecome}); false when unknown or not newer.
   */
  boolean recordDelivery(String providerMessageId, DeliveryState state, Instant at, String error);

  Optional<QueuedMessage> find(long id);

  /** Messages to one recipient, oldest first, at most {@code limit} of the latest. */
  List<QueuedMessage> toRecipient(String recipient, int limit);

  /** Messages in {@code status}, newest first. */
  List<QueuedMessage> inStatus(OutboxStatus status, int limit);

  long count(OutboxStatus status);

  /** When the oldest pending message was queued, if any (the backlog's age). */
  Optional<Instant> oldestPending();

  /** Deletes sent and dead messages created before {@code before}; returns how many. */
  int prune(Instant before);
}
