package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertStay;
import static ar.booking.core.conversation.Parsing.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "del 3 al 6 de marzo | 2027-03-03 | 2027-03-06",
        "7 al 9/3 | 2027-03-07 | 2027-03-09",
        "22/2 al 25/2 | 2027-02-22 | 2027-02-25",
        "22-2 al 25-2 | 2027-02-22 | 2027-02-25",
        "ingreso 3/4 egreso 6/4 | 2027-04-03 | 2027-04-06",
        "desde el martes 8 hasta el viernes 11 | 2026-12-08 | 2026-12-11",
        "llegamos el 14/2 y nos vamos el 17/2 | 2027-02-14 | 2027-02-17",
        "del 30 de diciembre al 3 de enero | 2026-12-30 | 2027-01-03",
        "DEL 3 AL 6 DE MARZO | 2027-03-03 | 2027-03-06",
        "del 3 al 6 de mar | 2027-03-03 | 2027-03-06",
        "del 3 al 6 de mar. | 2027-03-03 | 2027-03-06",
        "del 3 al 6 de sept | 2027-09-03 | 2027-09-06",
        "del 3 al 6 de set | 2027-09-03 | 2027-09-06",
        "del 3 al 6 de setiembre | 2027-09-03 | 2027-09-06",
        "2027-03-10 al 2027-03-14 | 2027-03-10 | 2027-03-14",
        "del 10/3/2027 al 14/3/2027 | 2027-03-10 | 2027-03-14",
        "del 10/3/27 al 14/3/27 | 2027-03-10 | 2027-03-14",
        "del 1ro al 4 de abril | 2027-04-01 | 2027-04-04",
        "del primero al 4 de abril | 2027-04-01 | 2027-04-04",
        "del cuatro al siete de abril | 2027-04-04 | 2027-04-07",
        "del veintiocho de diciembre al dos de enero | 2026-12-28 | 2027-01-02",
        "3-6 de marzo | 2027-03-03 | 2027-03-06",
        "del 8 al 12 de ferbrero | 2027-02-08 | 2027-02-12",
        "entre el 3 y el 6 de enero | 2027-01-03 | 2027-01-06",
      })
  void rangesInManyWritingsAreRead(String text, String checkIn, String checkOut) {
    assertStay(parse(text), checkIn, checkOut);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "del 15 al 20 | 2026-12-15 | 2026-12-20",
        "del 29 al 2 | 2026-11-29 | 2026-12-02",
        "del 28 al 30 | 2026-11-28 | 2026-11-30",
        "del 2 al 5 | 2026-12-02 | 2026-12-05",
      })
  void dayNumbersWithoutAMonthAreTheNextOccurrenceNotInThePast(
      String text, String checkIn, String checkOut) {
    assertStay(parse(text), checkIn, checkOut);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "el 8 de febrero | 2027-02-08",
        "el 20 de noviembre | 2027-11-20",
        "el 28 de noviembre | 2026-11-28",
        "3/6 | 2027-06-03",
        "3-6 | 2027-06-03",
      })
  void datesWithoutAYearAreTheNextOccurrenceAndDayComesFirst(String text, String checkIn) {
    assertStay(parse(text), checkIn, null);
  }
}
