package ar.booking.core.event;

/** What happened. Stored by name: never rename a constant, add new ones. */
public enum EventType {
  /** A guest hold was placed ({@code PRE_RESERVED}). */
  HOLD_PLACED,
  /** A booking was entered already confirmed (by the owner). */
  BOOKING_CREATED,
  /** The owner took nights off sale. */
  DATES_BLOCKED,
  /** A stay sold on another platform was imported. */
  STAY_IMPORTED,
  /** A hold (or an expired hold, on a late payment) became a confirmed booking. */
  CONFIRMED,
  /** An unpaid hold ran out and freed its nights. */
  HOLD_EXPIRED,
  /** A hold, booking, block or imported stay was cancelled and freed its nights. */
  CANCELLED,
  /** A stay ended. */
  COMPLETED,
  /** Something other than the status changed (hold extended, dates moved). */
  RESERVATION_UPDATED,
  /** A payment was recorded for the first time. */
  PAYMENT_RECORDED,
  /** The provider's view of a recorded payment changed (approved, refunded, charged back…). */
  PAYMENT_UPDATED,
  /** A stay imported from another platform's calendar clashes with one of ours (owner alert). */
  ICAL_CONFLICT,
  /** An imported calendar feed failed, came back empty or shrank suspiciously (owner alert). */
  ICAL_FEED_FAILED,
  /**
   * A guest asked for a person, or the bot misunderstood twice: the bot is silent for them (stream
   * {@code guest:<wa_id>}; owner alert).
   */
  HANDOFF_REQUESTED,
  /** The owner handed the guest back to the bot. */
  HANDOFF_RELEASED,
  /**
   * A received or outgoing message was given up on (data {@code direction} in|out, {@code
   * recipient}, {@code error}; owner alert).
   */
  MESSAGE_DEAD,
  /**
   * A payment needs the owner: data {@code kind} = late | late_refunded | short | currency | orphan
   * | refunded | charged_back, with the payment's facts (owner alert; guest told where the kind
   * says so).
   */
  PAYMENT_ANOMALY,
  /** A payment was rejected or cancelled while the hold lasts (guest gets a fresh link). */
  PAYMENT_FAILED,
  /** A payment is pending or in process (guest told; hold extended once). */
  PAYMENT_PENDING
}
