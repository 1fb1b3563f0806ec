package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertStay;
import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nights named one by one: the last named night is not the check-out, the day after it is. */
class ListedNightsParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "las noches del 12 y 13 | 2026-12-12 | 2026-12-14",
        "quisiera las noches del 20 y 21 de febrero | 2027-02-20 | 2027-02-22",
        "necesito las noches 8 y 9 de enero | 2027-01-08 | 2027-01-10",
        "las noches de los dias 3 y 4 de marzo | 2027-03-03 | 2027-03-05",
        "las noches del 15, 16 y 17 de enero | 2027-01-15 | 2027-01-18",
      })
  void listedNightsEndTheDayAfterTheLastOne(String text, String checkIn, String checkOut) {
    assertStay(parse(text), checkIn, checkOut);
  }

  @Test
  void listedNightsAreCountedAsNights() {
    assertThat(parse("las noches del 12 y 13 de diciembre, somos 2").nights()).hasValue(2);
  }

  @Test
  void twoNightsThatAreNotInARowAreNotReadAsAList() {
    BookingRequest r = parse("las noches del 12 y 19");

    assertThat(r.checkOut())
        .isNotEqualTo(java.util.Optional.of(java.time.LocalDate.of(2026, 12, 14)));
    assertThat(r.nights()).isNotEqualTo(java.util.OptionalInt.of(2));
  }
}
