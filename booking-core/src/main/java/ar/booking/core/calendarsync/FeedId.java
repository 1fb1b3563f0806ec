package ar.booking.core.calendarsync;

/** Identifies an imported calendar feed. */
public record FeedId(long value) {
  public FeedId {
    if (value < 1) {
      throw new IllegalArgumentException("a feed id is positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
