package ar.booking.core.calendarsync;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.shared.AccommodationId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The busy nights of a unit for other platforms to import: holds, confirmed stays, owner blocks and
 * imported stays — minus, on request, what was imported from one source, so a platform never gets
 * its own stays back (no echo loops). No guest data: every event reads "{@value #SUMMARY}". The UID
 * of an occupancy is its reservation code at the configured host, stable for its life.
 */
public final class ExportCalendar {

  /** The summary of every exported event. */
  public static final String SUMMARY = "No disponible";

  private final Accommodations accommodations;
  private final Reservations reservations;
  private final ExportTokens tokens;
  private final Clock clock;
  private final Settings settings;

  /**
   * @param hostName the right-hand side of every UID (the public host name of the app)
   * @param pastDays how far back stays are still exported
   * @param futureDays how far ahead (with {@code pastDays} at most {@code 800})
   */
  public record Settings(String hostName, int pastDays, int futureDays) {
    public Settings {
      if (hostName == null || hostName.isBlank() || hostName.contains("@")) {
        throw new IllegalArgumentException("a host name for export UIDs: " + hostName);
      }
      if (pastDays < 0 || futureDays < 1 || pastDays + futureDays > 800) {
        throw new IllegalArgumentException("an export window of at most 800 days");
      }
    }

    public static Settings forHost(String hostName) {
      return new Settings(hostName, 30, 760);
    }
  }

  public ExportCalendar(
      Accommodations accommodations,
      Reservations reservations,
      ExportTokens tokens,
      Clock clock,
      Settings settings) {
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Which unit, with the token of its export URL, leaving out what was imported from {@code
   * exclude}.
   */
  public record Query(AccommodationId unit, String token, Optional<FeedSource> exclude) {
    public Query {
      Objects.requireNonNull(unit, "unit");
      exclude = exclude == null ? Optional.empty() : exclude;
    }
  }

  /** What came of it. */
  public sealed interface Result permits Exported, NotFound {}

  public record Exported(CalendarExport calendar) implements Result {}

  /** No such unit, or not its current token: the caller answers 404 without saying which. */
  public record NotFound() implements Result {}

  public Result execute(Query query) {
    Optional<Accommodation> found = accommodations.find(query.unit());
    // The token is checked (in constant time) even for an unknown unit's id, so both take as long.
    boolean tokenMatches = tokens.matches(found.orElse(null), query.unit(), query.token());
    if (found.isEmpty() || !tokenMatches) {
      return new NotFound();
    }
    Accommodation unit = found.get();
    LocalDate today = unit.today(clock.instant());
    List<CalendarExport.Event> events = new ArrayList<>();
    for (BusyPeriod busy :
        reservations.busyBetween(
            Optional.of(unit.id()),
            today.minusDays(settings.pastDays()),
            today.plusDays(settings.futureDays()))) {
      if (excluded(busy, query.exclude())) {
        continue;
      }
      events.add(
          new CalendarExport.Event(
              busy.code().value() + "@" + settings.hostName(), busy.period(), SUMMARY));
    }
    return new Exported(new CalendarExport(unit.id(), unit.name(), events, version(unit, events)));
  }

  private static boolean excluded(BusyPeriod busy, Optional<FeedSource> exclude) {
    return busy.kind() == OccupancyKind.IMPORTED_STAY
        && exclude.map(source -> source.channel() == busy.source()).orElse(false);
  }

  private static String version(Accommodation unit, List<CalendarExport.Event> events) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (unit.id().value() + "\n" + unit.name() + "\n").getBytes(StandardCharsets.UTF_8));
      for (CalendarExport.Event e : events) {
        digest.update(
            (e.uid() + " " + e.period().checkIn() + " " + e.period().checkOut() + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
