package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertStay;
import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Today in {@link Parsing} is Saturday 28 November 2026. */
class RelativeDayParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hoy | 2026-11-28",
        "mañana | 2026-11-29",
        "manana | 2026-11-29",
        "pasado mañana | 2026-11-30",
        "el jueves | 2026-12-03",
        "el sábado | 2026-12-05",
        "el próximo domingo | 2026-11-29",
        "el domingo que viene | 2026-11-29",
        "el otro domingo | 2026-12-06",
      })
  void relativeDaysAreCountedFromToday(String text, String checkIn) {
    assertStay(parse(text), checkIn, null);
  }

  @Test
  void aWeekdayIsNeverTodayButTheNextOne() {
    assertThat(parse("el sabado").checkIn()).contains(LocalDate.of(2026, 12, 5));
  }

  @Test
  void theWeekendIsFridayToSundayAndOnASaturdayTheRestOfIt() {
    assertStay(parse("este finde"), "2026-11-28", "2026-11-29");
    LocalDate monday = LocalDate.of(2026, 11, 23);
    BookingRequest r = Parsing.PARSER.parse("el fin de semana", monday);
    assertThat(r.checkIn()).contains(LocalDate.of(2026, 11, 27));
    assertThat(r.checkOut()).contains(LocalDate.of(2026, 11, 29));
  }

  @Test
  void theNextWeekendSaidDuringAWeekendIsNextWeeks() {
    assertStay(parse("el finde que viene"), "2026-12-04", "2026-12-06");
    assertStay(parse("el próximo fin de semana"), "2026-12-04", "2026-12-06");
  }

  @Test
  void nextMonthGivesTheMonthOfBareDays() {
    assertStay(parse("del 4 al 8 del mes que viene"), "2026-12-04", "2026-12-08");
  }

  @Test
  void nextMonthWithoutDaysIsUnclear() {
    BookingRequest r = parse("el mes que viene");
    Parsing.assertNoDates(r);
    assertThat(r.has(ProblemCode.DATES_UNCLEAR)).isTrue();
    assertThat(r.intent()).isEqualTo(Intent.AVAILABILITY);
  }

  @Test
  void fromTodayUntilAWeekday() {
    assertStay(parse("desde hoy hasta el martes"), "2026-11-28", "2026-12-01");
    assertStay(parse("de lunes a viernes"), "2026-11-30", "2026-12-04");
  }
}
