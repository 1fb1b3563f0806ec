package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitHintParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "la cabaña 2 | cabana 2",
        "la CABAÑA 2 | cabana 2",
        "la cabaña nro 2 | cabana 2",
        "el depto grande | depto grande",
        "el departamento grande | depto grande",
        "el dpto 1 | depto 1",
        "la cabaña del fondo | cabana del fondo",
        "la casa 3 | casa 3",
        "la habitación doble | habitacion doble",
        "la cabaña | cabana",
      })
  void theNamedUnitIsReturnedNormalized(String text, String hint) {
    assertThat(parse(text).unitHint()).contains(hint);
  }

  @Test
  void aGenericWordIsNotAUnit() {
    assertThat(parse("estoy en casa").unitHint()).isEmpty();
    assertThat(parse("tienen cabañas?").unitHint()).isEmpty();
  }

  @Test
  void theUnitNumberIsNeitherADayNorAGuestCount() {
    BookingRequest r = parse("la cabaña 2 del 3 al 5 de enero");
    assertThat(r.unitHint()).contains("cabana 2");
    assertThat(r.guests()).isEmpty();
    Parsing.assertStay(r, "2027-01-03", "2027-01-05");
  }
}
