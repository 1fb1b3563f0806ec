package ar.booking.core.accommodation;

/** What kind of lodging a unit is. */
public enum AccommodationType {
  CABIN,
  APARTMENT,
  HOUSE,
  ROOM,
  OTHER
}
