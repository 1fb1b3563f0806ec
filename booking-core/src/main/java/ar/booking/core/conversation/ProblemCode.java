package ar.booking.core.conversation;

/** Why the dates or guests in a message cannot be taken as they are; the dialog explains each. */
public enum ProblemCode {
  /** A date that does not exist, such as 31/04 or month 13. */
  INVALID_DATE,
  /** The check-out date is before the check-in date. */
  CHECK_OUT_BEFORE_CHECK_IN,
  /** Check-in and check-out on the same day, or "0 noches". */
  ZERO_NIGHTS,
  /** The check-in date is before today. */
  DATE_IN_PAST,
  /** More nights than the configured maximum stay. */
  STAY_TOO_LONG,
  /** The stated number of nights does not match the stated dates. */
  NIGHTS_MISMATCH,
  /** Dates were mentioned but cannot be pinned down (only a month, too many dates). */
  DATES_UNCLEAR,
  /** The stated total of people does not match the stated adults and children. */
  GUESTS_MISMATCH
}
