package ar.booking.core.calendarsync;

import ar.booking.core.reservation.Channel;
import java.util.Locale;
import java.util.Optional;

/** The platform a feed comes from; its stays are imported under the matching {@link Channel}. */
public enum FeedSource {
  AIRBNB(Channel.AIRBNB, "airbnb"),
  BOOKING(Channel.BOOKING, "booking"),
  VRBO(Channel.VRBO, "vrbo"),
  ICAL_OTHER(Channel.ICAL_OTHER, "other");

  private final Channel channel;
  private final String label;

  FeedSource(Channel channel, String label) {
    this.channel = channel;
    this.label = label;
  }

  public Channel channel() {
    return channel;
  }

  /**
   * The lower-case label of the admin API and of {@code ?exclude=}: airbnb, booking, vrbo, other.
   */
  public String label() {
    return label;
  }

  /** The source with that label (or constant name), ignoring case. */
  public static Optional<FeedSource> fromLabel(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (FeedSource source : values()) {
      if (source.label.equals(wanted) || source.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  /** The source whose stays are imported under {@code channel}. */
  public static Optional<FeedSource> of(Channel channel) {
    for (FeedSource source : values()) {
      if (source.channel == channel) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }
}
