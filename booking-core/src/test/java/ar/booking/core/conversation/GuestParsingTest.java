package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuestParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "somos 4 | 4",
        "somos seis | 6",
        "somos doce | 12",
        "5 personas | 5",
        "5 pax | 5",
        "5 pers | 5",
        "5 huéspedes | 5",
        "para 3 | 3",
        "una familia de 5 | 5",
        "yo y mi señora | 2",
        "mi señora y yo | 2",
        "con mi novia | 2",
        "viajo solo | 1",
        "viajo sola | 1",
        "dos parejas | 4",
        "una pareja | 2",
        "matrimonio con 2 nenes | 4",
        "3 adultos y 1 niño | 4",
        "4 adultos + 2 menores | 6",
        "2 adultos 2 niños y 1 bebé | 5",
        "somos 3 y un bebé | 4",
        "somos 4, 2 adultos y 2 bebés | 4",
        "3 o 4 personas | 4",
      })
  void guestCountsInDigitsWordsAndPhrases(String text, int guests) {
    assertThat(parse(text).guests()).hasValue(guests);
  }

  @Test
  void adultsAndChildrenAreReportedApart() {
    BookingRequest r = parse("3 adultos y 2 niños");
    assertThat(r.adults()).hasValue(3);
    assertThat(r.children()).hasValue(2);
  }

  @Test
  void babiesCountAsChildrenAndGuests() {
    BookingRequest r = parse("2 adultos y un bebé");
    assertThat(r.guests()).hasValue(3);
    assertThat(r.children()).hasValue(1);
  }

  @Test
  void aTotalThatContradictsTheBreakdownIsReported() {
    BookingRequest r = parse("somos 4: 3 adultos y 3 chicos");
    assertThat(r.guests()).isEmpty();
    assertThat(r.has(ProblemCode.GUESTS_MISMATCH)).isTrue();
  }

  @Test
  void guestCountsAreNotReadAsDays() {
    BookingRequest r = parse("para 4 del 3 al 5 de enero");
    assertThat(r.guests()).hasValue(4);
    Parsing.assertStay(r, "2027-01-03", "2027-01-05");
  }
}
