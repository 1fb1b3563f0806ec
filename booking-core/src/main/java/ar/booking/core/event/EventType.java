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
  ICAL_FEED_FAILED
}
