package ar.booking.core.reservation;

/** Where an occupancy came from. */
public enum Channel {
  WHATSAPP,
  ADMIN,
  DIRECT,
  AIRBNB,
  BOOKING,
  VRBO,
  ICAL_OTHER;

  /** True for stays imported from another platform's calendar. */
  public boolean isExternal() {
    return this == AIRBNB || this == BOOKING || this == VRBO || this == ICAL_OTHER;
  }
}
