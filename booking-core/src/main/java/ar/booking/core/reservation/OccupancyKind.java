package ar.booking.core.reservation;

/**
 * What occupies the nights: a guest booking made here, dates the owner blocked, or a stay imported
 * from another platform's calendar. All three live under the same no-overlap rule.
 */
public enum OccupancyKind {
  GUEST_BOOKING,
  OWNER_BLOCK,
  IMPORTED_STAY
}
