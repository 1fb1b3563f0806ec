package ar.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.calendarsync.CalendarExport;
import ar.booking.core.calendarsync.FeedEvent;
import ar.booking.core.calendarsync.FeedParser;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class IcsWriterTest {

  private static final String NAME =
      "Cabaña Ñandú — vista al lago, señal débil; niños bienvenidos 🏔️🌲🛶 y más acentos: áéíóú ÁÉÍÓÚ ü";
  private static final Instant STAMP = Instant.parse("2026-11-25T15:00:00.123Z");

  private final IcsWriter writer = new IcsWriter("-//Reservas//Calendar export//ES");

  private CalendarExport export() {
    return new CalendarExport(
        new AccommodationId(7),
        NAME,
        List.of(
            new CalendarExport.Event(
                "ABCD2345@reservas.example.com",
                StayPeriod.parse("2026-12-10", "2026-12-13"),
                "No disponible"),
            new CalendarExport.Event(
                "EFGH6789@reservas.example.com",
                StayPeriod.parse("2026-12-31", "2027-01-02"),
                "Señal; coma, barra \\ y\nsalto — " + "ñ".repeat(40) + "😀".repeat(20))),
        "v1");
  }

  /** The physical lines, each without its CRLF; fails on a bare CR or LF. */
  private static List<byte[]> physicalLines(byte[] ics) {
    List<byte[]> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int i = 0; i < ics.length; i++) {
      if (ics[i] == '\r') {
        assertThat(ics[i + 1]).as("CR at %d is followed by LF", i).isEqualTo((byte) '\n');
        lines.add(line.toByteArray());
        line.reset();
        i++;
      } else {
        assertThat(ics[i]).as("bare LF at %d", i).isNotEqualTo((byte) '\n');
        line.write(ics[i]);
      }
    }
    assertThat(line.size()).as("the file ends with CRLF").isZero();
    return lines;
  }

  @Test
  void everyLineEndsInCrlfAndHasAtMost75OctetsOfWholeUtf8Characters() {
    byte[] ics = writer.write(export(), STAMP);

    List<byte[]> lines = physicalLines(ics);
    assertThat(lines).hasSizeGreaterThan(20);
    boolean folded = false;
    for (byte[] line : lines) {
      assertThat(line.length).isLessThanOrEqualTo(75);
      assertThat(decodes(line)).as(new String(line, StandardCharsets.UTF_8)).isTrue();
      folded |= line.length > 0 && line[0] == ' ';
    }
    assertThat(folded).as("the long lines were folded").isTrue();
  }

  @Test
  void unfoldingGivesBackTheEscapedValues() {
    String unfolded =
        new String(writer.write(export(), STAMP), StandardCharsets.UTF_8).replace("\r\n ", "");

    assertThat(unfolded)
        .contains("X-WR-CALNAME:" + NAME.replace(",", "\\,").replace(";", "\\;") + "\r\n")
        .contains("SUMMARY:Señal\\; coma\\, barra \\\\ y\\nsalto — ")
        .contains("VERSION:2.0\r\n")
        .contains("PRODID:-//Reservas//Calendar export//ES\r\n")
        .contains("DTSTAMP:20261125T150000Z\r\n")
        .contains("DTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261213\r\n")
        .contains("UID:ABCD2345@reservas.example.com\r\n");
  }

  @Test
  void ical4jReadsTheExportBack() throws Exception {
    Calendar calendar =
        new CalendarBuilder().build(new ByteArrayInputStream(writer.write(export(), STAMP)));

    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertThat(events).hasSize(2);
    assertThat(events.get(1).<Property>getProperty(Property.SUMMARY).orElseThrow().getValue())
        .isEqualTo("Señal; coma, barra \\ y\nsalto — " + "ñ".repeat(40) + "😀".repeat(20));
    assertThat(calendar.<Property>getProperty("X-WR-CALNAME").orElseThrow().getValue())
        .isEqualTo(NAME);
  }

  @Test
  void ourOwnParserReadsTheExportBackDayForDay() {
    FeedParser.ParseOutcome parsed =
        new Ical4jFeedParser()
            .parse(writer.write(export(), STAMP), ZoneId.of("America/Argentina/Buenos_Aires"));

    assertThat(((FeedParser.Parsed) parsed).events())
        .extracting(FeedEvent::uid, FeedEvent::period)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ABCD2345@reservas.example.com", StayPeriod.parse("2026-12-10", "2026-12-13")),
            org.assertj.core.groups.Tuple.tuple(
                "EFGH6789@reservas.example.com", StayPeriod.parse("2026-12-31", "2027-01-02")));
  }

  @Test
  void aFourByteCharacterAtTheFoldIsNeverSplit() {
    for (int pad = 0; pad < 8; pad++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      IcsWriter.line(out, "SUMMARY:" + "x".repeat(60 + pad) + "😀".repeat(10));
      for (byte[] line : physicalLines(out.toByteArray())) {
        assertThat(line.length).isLessThanOrEqualTo(75);
        assertThat(decodes(line)).isTrue();
      }
    }
  }

  @Test
  void anEmptyCalendarIsStillValid() throws Exception {
    byte[] ics =
        writer.write(new CalendarExport(new AccommodationId(1), "A", List.of(), "v"), STAMP);

    assertThat(new String(ics, StandardCharsets.UTF_8))
        .startsWith("BEGIN:VCALENDAR\r\n")
        .endsWith("END:VCALENDAR\r\n");
    assertThat(
            new CalendarBuilder()
                .build(new ByteArrayInputStream(ics))
                .getComponents(Component.VEVENT))
        .isEmpty();
  }

  private static boolean decodes(byte[] line) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
