package ar.booking.calendar;

import ar.booking.core.calendarsync.FeedEvent;
import ar.booking.core.calendarsync.FeedParser;
import ar.booking.core.stay.StayPeriod;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * Reads OTA feeds with ical4j, leniently: folded and LF-only lines, {@code TZID} and UTC date-times
 * (converted to calendar days in the unit's zone), missing {@code DTEND} (one day, or {@code
 * DURATION}), {@code STATUS:CANCELLED}. An event without a UID or usable dates is skipped and
 * counted, never allowed to sink the feed. Thread-safe (a builder per call).
 */
public final class Ical4jFeedParser implements FeedParser {

  static {
    // ical4j's relaxed modes are process-wide hints; OTA feeds need all three.
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
    CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
  }

  @Override
  public ParseOutcome parse(byte[] body, ZoneId zone) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
      return new Unreadable("not an iCalendar file (no BEGIN:VCALENDAR)");
    }
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(new StringReader(withoutUnknownZones(text)));
    } catch (ParserException e) {
      return new Unreadable("line " + e.getLineNo() + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    List<FeedEvent> events = new ArrayList<>();
    int skipped = 0;
    for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
      Optional<FeedEvent> read = read(event, zone);
      if (read.isPresent()) {
        events.add(read.get());
      } else {
        skipped++;
      }
    }
    return new Parsed(events, skipped);
  }

  private static Optional<FeedEvent> read(VEvent event, ZoneId zone) {
    try {
      Optional<String> uid = value(event, Property.UID).filter(u -> !u.isBlank());
      Optional<LocalDate> start = day(event, Property.DTSTART, zone);
      if (uid.isEmpty() || start.isEmpty()) {
        return Optional.empty();
      }
      LocalDate checkIn = start.get();
      LocalDate checkOut = day(event, Property.DTEND, zone).orElseGet(() -> end(event, checkIn));
      if (!checkOut.isAfter(checkIn)) {
        checkOut = checkIn.plusDays(1); // a same-day event still takes its night
      }
      boolean cancelled =
          value(event, Property.STATUS)
              .map(s -> s.strip().toUpperCase(Locale.ROOT).equals("CANCELLED"))
              .orElse(false);
      return Optional.of(
          new FeedEvent(
              uid.get(),
              new StayPeriod(checkIn, checkOut),
              value(event, Property.SUMMARY).orElse(""),
              cancelled));
    } catch (RuntimeException unusable) {
      return Optional.empty();
    }
  }

  private static LocalDate end(VEvent event, LocalDate checkIn) {
    Optional<String> duration = value(event, Property.DURATION).map(String::strip);
    if (duration.isPresent()) {
      String d = duration.get().toUpperCase(Locale.ROOT);
      try {
        long days =
            d.endsWith("W") && !d.contains("T")
                ? 7L * Long.parseLong(d.substring(1, d.length() - 1))
                : java.time.Duration.parse(d).toDays();
        return checkIn.plusDays(Math.max(1, days));
      } catch (RuntimeException unreadable) {
        return checkIn.plusDays(1);
      }
    }
    return checkIn.plusDays(1);
  }

  private static Optional<String> value(VEvent event, String name) {
    return event.<Property>getProperty(name).map(Property::getValue);
  }

  private static Optional<LocalDate> day(VEvent event, String name, ZoneId zone) {
    Optional<Property> property = event.getProperty(name);
    if (property.isEmpty() || !(property.get() instanceof DateProperty<?> date)) {
      return Optional.empty();
    }
    return Optional.ofNullable(date.getDate()).map(t -> toDay(t, zone));
  }

  /**
   * The text with every {@code TZID} parameter that neither a {@code VTIMEZONE} of the file nor
   * ical4j's registry can resolve taken out, so its date-time reads as the local time written (the
   * right day, give or take the unknown offset) instead of sinking the event.
   */
  static String withoutUnknownZones(String text) {
    String unfolded = text.replaceAll("\\r?\\n[ \\t]", "");
    Set<String> defined = new HashSet<>();
    Matcher definitions = DEFINED_ZONE.matcher(unfolded);
    while (definitions.find()) {
      defined.add(definitions.group(1).strip());
    }
    Matcher uses = ZONE_PARAMETER.matcher(unfolded);
    StringBuilder out = new StringBuilder(unfolded.length());
    while (uses.find()) {
      String id = uses.group(1).replace("\"", "").strip();
      boolean known = defined.contains(id) || resolvable(id);
      uses.appendReplacement(out, known ? Matcher.quoteReplacement(uses.group()) : "");
    }
    uses.appendTail(out);
    return out.toString();
  }

  private static final Pattern DEFINED_ZONE = Pattern.compile("(?m)^TZID[^:\\r\\n]*:([^\\r\\n]+)$");
  private static final Pattern ZONE_PARAMETER = Pattern.compile(";TZID=(\"[^\"]*\"|[^;:\\r\\n]*)");

  private static boolean resolvable(String id) {
    try {
      return TimeZoneRegistry.getGlobalZoneId(id) != null;
    } catch (RuntimeException unknown) {
      return false;
    }
  }

  /** A DATE as is; a date-time as the calendar day it falls on in the unit's zone. */
  static LocalDate toDay(Temporal t, ZoneId zone) {
    return switch (t) {
      case LocalDate d -> d;
      case ZonedDateTime z -> z.withZoneSameInstant(zone).toLocalDate();
      case OffsetDateTime o -> o.atZoneSameInstant(zone).toLocalDate();
      case Instant i -> i.atZone(zone).toLocalDate();
      case LocalDateTime floating -> floating.toLocalDate();
      default -> LocalDate.from(t);
    };
  }
}
