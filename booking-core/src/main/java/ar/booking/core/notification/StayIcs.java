package ar.booking.core.notification;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.reservation.Reservation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A stay as an iCalendar file (RFC 5545) for the guest's calendar: one all-day event from check-in
 * to check-out, with the unit's address as location.
 */
public final class StayIcs {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private StayIcs() {}

  public static MessageContent.Attachment of(
      Reservation r, Accommodation unit, String summary, String domain, Instant now) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Reservas//Stay//ES");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "BEGIN:VEVENT");
    line(ics, "UID:" + r.code().value() + "@" + domain);
    line(ics, "DTSTAMP:" + STAMP.format(now));
    line(ics, "DTSTART;VALUE=DATE:" + DAY.format(r.period().checkIn()));
    line(ics, "DTEND;VALUE=DATE:" + DAY.format(r.period().checkOut()));
    line(ics, "SUMMARY:" + text(summary));
    if (unit != null && unit.address() != null) {
      line(ics, "LOCATION:" + text(unit.address()));
    }
    line(ics, "END:VEVENT");
    line(ics, "END:VCALENDAR");
    return new MessageContent.Attachment(
        "reserva-" + r.code().value() + ".ics",
        "text/calendar; charset=UTF-8; method=PUBLISH",
        ics.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A content line, folded at 75 octets (RFC 5545 3.1). */
  private static void line(StringBuilder out, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 75) {
      out.append(content).append("\r\n");
      return;
    }
    int used = 0;
    int limit = 75;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > limit) {
        out.append(current).append("\r\n ");
        current.setLength(0);
        used = 0;
        limit = 74;
      }
      current.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    out.append(current).append("\r\n");
  }

  private static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n");
  }
}
