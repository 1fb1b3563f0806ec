package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertStay;
import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two relative days joined by "y" are two nights: "hoy y mañana" leaves the day after tomorrow.
 * Today in {@link Parsing} is Saturday 28 November 2026.
 */
class RelativeDayPairParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hoy y mañana | 2026-11-28 | 2026-11-30",
        "para esta noche y mañana | 2026-11-28 | 2026-11-30",
        "mañana y pasado | 2026-11-29 | 2026-12-01",
        "mañana y pasado mañana somos 2 | 2026-11-29 | 2026-12-01",
      })
  void twoDaysInARowAreTwoNights(String text, String checkIn, String checkOut) {
    BookingRequest r = parse(text);

    assertStay(r, checkIn, checkOut);
    assertThat(r.nights()).hasValue(2);
  }

  @Test
  void theGuestsInTheSameMessageAreKept() {
    assertThat(parse("hay lugar hoy y mañana para 3?").guests()).hasValue(3);
  }

  @Test
  void twoDaysNotInARowAreARange() {
    assertStay(parse("de hoy a pasado mañana"), "2026-11-28", "2026-11-30");
  }
}
