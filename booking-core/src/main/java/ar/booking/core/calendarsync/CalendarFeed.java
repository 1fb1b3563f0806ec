package ar.booking.core.calendarsync;

import ar.booking.core.shared.AccommodationId;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A calendar a unit imports from another platform, with where its sync stands. */
public record CalendarFeed(
    FeedId id,
    AccommodationId unit,
    FeedSource source,
    URI url,
    Instant createdAt,
    FeedSyncState sync) {

  public CalendarFeed {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(createdAt, "createdAt");
    url = checkedUrl(url);
    sync = sync == null ? FeedSyncState.NEVER : sync;
  }

  /** An http(s) URL with a host: anything else is refused before it is stored. */
  public static URI checkedUrl(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("a feed URL is http or https: " + url);
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      throw new IllegalArgumentException("a feed URL needs a host: " + url);
    }
    return url;
  }

  public CalendarFeed withSync(FeedSyncState state) {
    return new CalendarFeed(id, unit, source, url, createdAt, state);
  }
}
