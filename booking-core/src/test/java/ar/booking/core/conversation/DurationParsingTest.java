package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertStay;
import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4 noches desde el 11 de marzo | 2027-03-11 | 2027-03-15",
        "una semana a partir del 16 | 2026-12-16 | 2026-12-23",
        "dos semanas desde el 3 de enero | 2027-01-03 | 2027-01-17",
        "una quincena desde el 1 de febrero | 2027-02-01 | 2027-02-16",
        "una noche, el 8 | 2026-12-08 | 2026-12-09",
        "el 2 de enero por 3 dias | 2027-01-02 | 2027-01-05",
        "el 2 de enero x 3 noches | 2027-01-02 | 2027-01-05",
      })
  void aStartAndALengthMakeAStay(String text, String checkIn, String checkOut) {
    assertStay(parse(text), checkIn, checkOut);
  }

  @Test
  void nightsAloneAreReportedWithoutDates() {
    BookingRequest r = parse("por tres noches");
    assertThat(r.nights()).hasValue(3);
    assertThat(r.checkIn()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aRangeReportsItsNights() {
    assertThat(parse("del 3 al 6 de marzo").nights()).hasValue(3);
  }

  @Test
  void aListOfNightsInARowEndsTheDayAfterTheLast() {
    assertStay(parse("las noches del 3, 4 y 5 de enero"), "2027-01-03", "2027-01-06");
    assertStay(parse("los dias 28, 29, 30 y 31 de diciembre"), "2026-12-28", "2027-01-01");
  }

  @Test
  void statedNightsWinOverStatedDays() {
    assertStay(parse("4 dias 3 noches desde el 2 de enero"), "2027-01-02", "2027-01-05");
  }
}
