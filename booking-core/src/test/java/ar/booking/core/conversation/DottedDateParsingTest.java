package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertNoDates;
import static ar.booking.core.conversation.Parsing.assertStay;
import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates written with dots, day first; prices and times with dots stay what they are. */
class DottedDateParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "entramos el 7.3 y salimos el 9.3 | 2027-03-07 | 2027-03-09",
        "del 22.01 al 25.01 | 2027-01-22 | 2027-01-25",
        "desde 30.12 hasta 2.1 | 2026-12-30 | 2027-01-02",
        "del 18.02.2027 al 21.02.2027 | 2027-02-18 | 2027-02-21",
        "del 4.1.27 al 6.1.27 | 2027-01-04 | 2027-01-06",
        "llegada 11.12. salida 14.12. | 2026-12-11 | 2026-12-14",
      })
  void aDateWithDotsIsDayThenMonth(String text, String checkIn, String checkOut) {
    assertStay(parse(text), checkIn, checkOut);
  }

  @Test
  void aDottedRangeKeepsItsGuests() {
    BookingRequest r = parse("del 9.1 al 12.1 para 3 personas");

    assertStay(r, "2027-01-09", "2027-01-12");
    assertThat(r.guests()).hasValue(3);
  }

  @Test
  void aPriceWithAThousandsDotIsNotADate() {
    BookingRequest r = parse("vi que sale $ 45.000, y 3.500 la limpieza?");

    assertNoDates(r);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aTimeWithADotIsNotADate() {
    assertNoDates(parse("llegamos tipo 18.30 hs"));
  }

  @Test
  void aPercentageWithADotIsNotADate() {
    assertNoDates(parse("con tarjeta hay 2.5 % de recargo?"));
  }
}
