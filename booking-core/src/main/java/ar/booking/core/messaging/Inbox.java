package ar.booking.core.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable inbox of what guests sent. {@link #store} is idempotent on the message id (a
 * duplicate delivery is stored once). Workers {@link #claim} due messages with a lease, at most one
 * per guest and only a guest's oldest unhandled message, so each guest's messages are handled in
 * order, by one worker at a time, across processes. Thread-safe.
 */
public interface Inbox {

  /** Stores the message (with the raw payload it came in); false when it was already stored. */
  boolean store(InboundMessage message, String rawPayload, Instant receivedAt);

  List<StoredInbound> claim(Instant now, Instant leaseUntil, int limit);

  /** Handled; {@code transcript} is what a voice note said, or null. */
  void processed(long id, String transcript, Instant at);

  /** The attempt failed: count it and try again at {@code retryAt}. */
  void retry(long id, String error, Instant retryAt);

  /** Given up on (a poison message): later messages of the guest are handled. */
  void dead(long id, String error, Instant at);

  Optional<StoredInbound> find(long id);

  /** Messages from one guest, oldest first, at most {@code limit} of the latest. */
  List<StoredInbound> fromGuest(String from, int limit);

  long count(InboxStatus status);

  /** When the oldest pending message was received, if any (the inbox's lag). */
  Optional<Instant> oldestPending();

  /** Deletes handled and dead messages received before {@code before}; returns how many. */
  int prune(Instant before);
}
