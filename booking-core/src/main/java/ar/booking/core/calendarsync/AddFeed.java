package ar.booking.core.calendarsync;

import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.AccommodationId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Objects;

/** The owner adds another platform's calendar to import for a unit. */
public final class AddFeed {

  private final CalendarFeeds feeds;
  private final Accommodations accommodations;
  private final Clock clock;

  public AddFeed(CalendarFeeds feeds, Accommodations accommodations, Clock clock) {
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The unit, the source label ({@code airbnb|booking|vrbo|other}) and the feed's URL. */
  public record Command(AccommodationId unit, String source, String url) {
    public Command {
      Objects.requireNonNull(unit, "unit");
    }
  }

  /** What came of it. */
  public sealed interface Result permits Added, UnknownUnit, AlreadyImported, Invalid {}

  public record Added(CalendarFeed feed) implements Result {}

  public record UnknownUnit(AccommodationId unit) implements Result {}

  /** The unit already imports that URL. */
  public record AlreadyImported(String url) implements Result {}

  /** A bad source label or URL; {@code field} is {@code source} or {@code url}. */
  public record Invalid(String field, String message) implements Result {}

  public Result execute(Command command) {
    var source = FeedSource.fromLabel(command.source());
    if (source.isEmpty()) {
      return new Invalid("source", "source is one of airbnb, booking, vrbo, other");
    }
    URI url;
    try {
      url = CalendarFeed.checkedUrl(new URI(command.url() == null ? "" : command.url().strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return new Invalid("url", "an http(s) URL with a host is needed");
    }
    if (accommodations.find(command.unit()).isEmpty()) {
      return new UnknownUnit(command.unit());
    }
    return switch (feeds.add(command.unit(), source.get(), url, clock.instant())) {
      case CalendarFeeds.Added added -> new Added(added.feed());
      case CalendarFeeds.DuplicateUrl duplicate -> new AlreadyImported(url.toString());
    };
  }
}
