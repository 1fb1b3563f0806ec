package ar.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.calendarsync.FeedEvent;
import ar.booking.core.calendarsync.FeedParser;
import ar.booking.core.stay.StayPeriod;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ical4jFeedParserTest {

  private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
  private final Ical4jFeedParser parser = new Ical4jFeedParser();

  private List<FeedEvent> parse(String fixture) {
    return parse(FeedFiles.read(fixture));
  }

  private List<FeedEvent> parse(byte[] body) {
    FeedParser.ParseOutcome outcome = parser.parse(body, BUENOS_AIRES);
    assertThat(outcome).isInstanceOf(FeedParser.Parsed.class);
    return ((FeedParser.Parsed) outcome).events();
  }

  @Test
  void airbnbAllDayEventsWithFoldedLines() {
    List<FeedEvent> events = parse("airbnb.ics");

    assertThat(events).hasSize(3);
    assertThat(events.getFirst())
        .isEqualTo(
            new FeedEvent(
                "1418fb94e984-8a1b7f0d0ea0ae8a1b1b2b0f2c4c3f11@airbnb.com",
                StayPeriod.parse("2027-01-10", "2027-01-13"),
                "Reserved",
                false));
    assertThat(events.get(1).summary()).isEqualTo("Airbnb (Not available)");
    assertThat(events.get(1).isAvailabilityWindow()).isTrue();
  }

  @Test
  void bookingLfOnlyFileWithTheEnDashVariant() {
    List<FeedEvent> events = parse("booking.ics");

    assertThat(events)
        .extracting(FeedEvent::period)
        .containsExactly(
            StayPeriod.parse("2027-01-15", "2027-01-18"),
            StayPeriod.parse("2027-02-20", "2027-02-22"));
    assertThat(events.get(1).summary()).isEqualTo("CLOSED – Not available");
    assertThat(events).allSatisfy(e -> assertThat(e.isAvailabilityWindow()).isTrue());
  }

  @Test
  void vrboDateTimesAreDaysInTheUnitsZone() {
    List<FeedEvent> events = parse("vrbo.ics");

    // 16:00 in Madrid is noon in Buenos Aires; 11:00 out is 07:00.
    assertThat(events.get(0).period()).isEqualTo(StayPeriod.parse("2027-03-01", "2027-03-05"));
    assertThat(events.get(0).summary()).isEqualTo("Reservation - María José Núñez");
    // 01:00 UTC is 22:00 the evening before in Buenos Aires.
    assertThat(events.get(1).period()).isEqualTo(StayPeriod.parse("2027-03-14", "2027-03-17"));
    assertThat(events.get(2).summary()).isEqualTo("Blocked");
  }

  @Test
  void aTzidWithoutItsVtimezoneIsStillAZone() {
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
            + "BEGIN:VEVENT\r\nUID:ny\r\nDTSTART;TZID=America/New_York:20270301T230000\r\n"
            + "DTEND;TZID=America/New_York:20270304T100000\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

    // 23:00 in New York is 01:00 the next day in Buenos Aires.
    assertThat(parse(ics.getBytes(StandardCharsets.UTF_8)))
        .extracting(FeedEvent::period)
        .containsExactly(StayPeriod.parse("2027-03-02", "2027-03-04"));
  }

  @Test
  void aTzidNobodyDefinesFallsBackToTheDayAsWritten() {
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
            + "BEGIN:VEVENT\r\nUID:odd\r\nDTSTART;TZID=Pacific Standard Time Custom:20270301T230000\r\n"
            + "DTEND;TZID=Pacific Standard Time Custom:20270304T100000\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

    assertThat(parse(ics.getBytes(StandardCharsets.UTF_8)))
        .extracting(FeedEvent::period)
        .containsExactly(StayPeriod.parse("2027-03-01", "2027-03-04"));
  }

  @Test
  void cancelledEventsAreMarked() {
    assertThat(parse("cancelled.ics"))
        .extracting(FeedEvent::uid, FeedEvent::cancelled)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("keep@example.com", false),
            org.assertj.core.groups.Tuple.tuple("gone@example.com", true));
  }

  @Test
  void duplicateUidsAreAllReturnedForTheDiffToResolve() {
    assertThat(parse("duplicate-uid.ics"))
        .extracting(FeedEvent::uid)
        .containsOnly("dup@airbnb.com")
        .hasSize(3);
  }

  @Test
  void anEmptyCalendarHasNoEvents() {
    assertThat(parse("empty.ics")).isEmpty();
  }

  @Test
  void aMissingEndIsOneDayAndADurationIsHonoured() {
    String ics =
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
            + "BEGIN:VEVENT\nUID:one\nDTSTART;VALUE=DATE:20270110\nEND:VEVENT\n"
            + "BEGIN:VEVENT\nUID:two\nDTSTART;VALUE=DATE:20270120\nDURATION:P3D\nEND:VEVENT\n"
            + "BEGIN:VEVENT\nUID:three\nDTSTART;VALUE=DATE:20270201\nDURATION:P1W\nEND:VEVENT\n"
            + "END:VCALENDAR\n";

    assertThat(parse(ics.getBytes(StandardCharsets.UTF_8)))
        .extracting(FeedEvent::period)
        .containsExactly(
            StayPeriod.parse("2027-01-10", "2027-01-11"),
            StayPeriod.parse("2027-01-20", "2027-01-23"),
            StayPeriod.parse("2027-02-01", "2027-02-08"));
  }

  @Test
  void anEventWithoutUidOrStartIsSkippedNotFatal() {
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
            + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270110\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:no-start\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:fine\r\nDTSTART;VALUE=DATE:20270110\r\nDTEND;VALUE=DATE:20270112\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

    FeedParser.ParseOutcome outcome =
        parser.parse(ics.getBytes(StandardCharsets.UTF_8), BUENOS_AIRES);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            FeedParser.Parsed.class,
            p -> {
              assertThat(p.events()).extracting(FeedEvent::uid).containsExactly("fine");
              assertThat(p.skipped()).isEqualTo(2);
            });
  }

  @Test
  void somethingThatIsNotACalendarIsUnreadable() {
    assertThat(parser.parse("<html>Login</html>".getBytes(StandardCharsets.UTF_8), BUENOS_AIRES))
        .isInstanceOf(FeedParser.Unreadable.class);
    assertThat(
            parser.parse(
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nthis is not".getBytes(StandardCharsets.UTF_8),
                BUENOS_AIRES))
        .isInstanceOf(FeedParser.Unreadable.class);
  }
}
