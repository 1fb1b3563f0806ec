package ar.booking.core.shared;

/** Identity of a lodging unit (a cabin, an apartment). */
public record AccommodationId(long value) {
  public AccommodationId {
    if (value <= 0) {
      throw new IllegalArgumentException("accommodation id must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
