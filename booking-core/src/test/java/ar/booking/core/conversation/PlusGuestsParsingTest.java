package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** People added with a plus sign. */
class PlusGuestsParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "somos 3 + 2 nenas | 5",
        "vamos 2+1 chico | 3",
        "4 adultos + 3 menores | 7",
        "2 + 1 bebé del 3 al 5 de enero | 3",
        "somos 2+2 | 4",
        "para 1 + 1 | 2",
        "2 mayores + 2 niños | 4",
      })
  void peopleAddedWithAPlusAreCountedTogether(String text, int guests) {
    BookingRequest r = parse(text);

    assertThat(r.guests()).hasValue(guests);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void theChildrenAfterThePlusAreCountedAsChildren() {
    BookingRequest r = parse("somos 3 + 2 nenas");

    assertThat(r.adults()).hasValue(3);
    assertThat(r.children()).hasValue(2);
  }

  @Test
  void aBarePlusSumWithoutAnyPeopleWordIsNotAGuestCount() {
    assertThat(parse("3+2").guests()).isEmpty();
  }

  @Test
  void aPhoneNumberWithAPlusIsNotAGuestCount() {
    assertThat(parse("mi cel +54 9 2944 55-1234").guests()).isEmpty();
  }
}
