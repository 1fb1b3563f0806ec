package ar.booking.core.accommodation;

/** Why a night costs what it costs. */
public enum NightKind {
  WEEKDAY,
  WEEKEND,
  HOLIDAY
}
