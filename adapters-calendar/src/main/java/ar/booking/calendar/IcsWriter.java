package ar.booking.calendar;

import ar.booking.core.calendarsync.CalendarExport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Writes a {@link CalendarExport} as an RFC 5545 calendar: UTF-8, CRLF line endings, content lines
 * folded at 75 octets (never inside a UTF-8 sequence — ical4j folds by characters), TEXT values
 * escaped, all-day {@code DTSTART}/{@code DTEND} with the check-out date exclusive, {@code DTSTAMP}
 * in UTC. Stateless and thread-safe.
 */
public final class IcsWriter {

  /** The media type to serve it with. */
  public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

  static final int MAX_OCTETS = 75;
  private static final String CRLF = "\r\n";
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String prodId;

  /**
   * @param prodId the {@code PRODID}, e.g. {@code -//Reservas//Calendar export//ES}
   */
  public IcsWriter(String prodId) {
    if (prodId == null || prodId.isBlank()) {
      throw new IllegalArgumentException("a PRODID");
    }
    this.prodId = prodId;
  }

  /** The calendar's bytes; {@code stamp} becomes every event's {@code DTSTAMP}. */
  public byte[] write(CalendarExport calendar, Instant stamp) {
    Objects.requireNonNull(calendar, "calendar");
    String dtstamp = STAMP.format(stamp.truncatedTo(ChronoUnit.SECONDS));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 200 * calendar.events().size());
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:" + escape(prodId));
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + escape(calendar.calendarName()));
    for (CalendarExport.Event event : calendar.events()) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + escape(event.uid()));
      line(out, "DTSTAMP:" + dtstamp);
      line(out, "DTSTART;VALUE=DATE:" + date(event.period().checkIn()));
      line(out, "DTEND;VALUE=DATE:" + date(event.period().checkOut()));
      line(out, "SUMMARY:" + escape(event.summary()));
      line(out, "TRANSP:OPAQUE");
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toByteArray();
  }

  private static String date(LocalDate date) {
    return DATE.format(date);
  }

  /** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case ';' -> sb.append("\\;");
        case ',' -> sb.append("\\,");
        case '\n' -> sb.append("\\n");
        case '\r' -> {
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          sb.append("\\n");
        }
        default -> {
          if (c < 0x20 && c != '\t') {
            continue; // other control characters are not allowed in TEXT
          }
          sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  /**
   * Writes one content line folded at {@value #MAX_OCTETS} octets: a continuation starts with a
   * space, which counts toward its 75; a code point's UTF-8 bytes are never split.
   */
  static void line(ByteArrayOutputStream out, String content) {
    int used = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
      if (used + bytes.length > limit) {
        out.writeBytes(CRLF.getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        used = 1;
      }
      out.writeBytes(bytes);
      used += bytes.length;
      i += Character.charCount(codePoint);
    }
    out.writeBytes(CRLF.getBytes(StandardCharsets.US_ASCII));
  }
}
