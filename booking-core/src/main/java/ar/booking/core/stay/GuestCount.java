package ar.booking.core.stay;

/** How many people stay; at least one. */
public record GuestCount(int value) {
  public GuestCount {
    if (value < 1) {
      throw new IllegalArgumentException("guests must be at least 1: " + value);
    }
  }

  public static GuestCount of(int value) {
    return new GuestCount(value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
