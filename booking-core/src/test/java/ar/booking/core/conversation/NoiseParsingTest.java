package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertStay;
import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseParsingTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "mi cel es 11 5555-4444, del 3 al 5 de enero",
        "+54 9 2944 123456 del 3 al 5 de enero",
        "del 3 al 5 de enero, vi que sale $85.000",
        "del 3 al 5 de enero a 85.000 pesos",
        "llegamos tipo 16 hs, del 3 al 5 de enero",
        "del 3 al 5 de enero a las 14",
        "del 3 al 5 de enero 😀😀🔥!!!",
        "del 3 al 5 de enero??? !!!",
        "del 3 al 5 de enero, seña del 30%",
        "del 3 al 5 de enero, a 3 km del centro",
        "del 3 al 5 de enero, cabaña de 2 dormitorios",
      })
  void noiseIsNeitherADateNorAGuestCount(String text) {
    BookingRequest r = parse(text);
    assertStay(r, "2027-01-03", "2027-01-05");
    assertThat(r.guests()).isEmpty();
  }

  @Test
  void aVoiceNoteWithoutPunctuationIsRead() {
    BookingRequest r =
        parse(
            "hola buenas tardes te consulto si tenes lugar del doce al quince de enero somos dos"
                + " adultos y tres chicos gracias");
    assertStay(r, "2027-01-12", "2027-01-15");
    assertThat(r.guests()).hasValue(5);
  }

  @Test
  void childrensAgesAreNotDays() {
    BookingRequest r = parse("2 adultos y 2 hijos de 5 y 8 años, del 3 al 6 de enero");
    assertStay(r, "2027-01-03", "2027-01-06");
    assertThat(r.guests()).hasValue(4);
  }

  @Test
  void theDayOfAPaymentIsNotAStay() {
    assertThat(parse("te transfiero la seña hoy").checkIn()).isEmpty();
  }
}
