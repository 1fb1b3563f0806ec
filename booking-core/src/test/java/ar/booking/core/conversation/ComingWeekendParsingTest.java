package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertStay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weekends said with "que viene", from different days of the week. */
class ComingWeekendParsingTest {

  private static final SpanishRequestParser PARSER = new SpanishRequestParser();

  @ParameterizedTest(name = "{1} on {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Tuesday 1 December 2026: the coming weekend is this week's
        "2026-12-01 | el fin de semana que viene | 2026-12-04 | 2026-12-06",
        "2026-12-01 | el finde que viene somos 2 | 2026-12-04 | 2026-12-06",
        "2026-12-01 | para el finde q viene | 2026-12-04 | 2026-12-06",
        "2026-12-01 | el finde de la semana que viene | 2026-12-11 | 2026-12-13",
        // Saturday 5 December 2026: "que viene" is next week's, "este" the rest of this one
        "2026-12-05 | el fin de semana que viene | 2026-12-11 | 2026-12-13",
        "2026-12-05 | el finde que viene | 2026-12-11 | 2026-12-13",
        "2026-12-05 | el finde de la semana que viene | 2026-12-11 | 2026-12-13",
        // Sunday 6 December 2026
        "2026-12-06 | el fin de semana que viene | 2026-12-11 | 2026-12-13",
      })
  void aComingWeekendIsFridayToSunday(String today, String text, String in, String out) {
    assertStay(PARSER.parse(text, LocalDate.parse(today)), in, out);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"la semana que viene", "la próxima semana"})
  void aWeekWithoutItsDaysStaysUnclear(String text) {
    assertThat(PARSER.parse(text, LocalDate.of(2026, 12, 1)).has(ProblemCode.DATES_UNCLEAR))
        .isTrue();
  }
}
