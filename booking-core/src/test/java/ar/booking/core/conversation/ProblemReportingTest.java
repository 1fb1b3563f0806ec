package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.assertNoDates;
import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.stay.StayRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemReportingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "31/04 | INVALID_DATE",
        "del 30/2 al 2/3 | INVALID_DATE",
        "del 8/13 al 10/13 | INVALID_DATE",
        "el 29/2 al 2/3 | INVALID_DATE",
        "del 10/3 al 5/3 | CHECK_OUT_BEFORE_CHECK_IN",
        "del 12 al 10 de febrero | CHECK_OUT_BEFORE_CHECK_IN",
        "del 5 al 5 de marzo | ZERO_NIGHTS",
        "el 5 de diciembre 0 noches | ZERO_NIGHTS",
        "del 3/3/2025 al 5/3/2025 | DATE_IN_PAST",
        "ayer | DATE_IN_PAST",
        "del 1 de enero al 30 de abril | STAY_TOO_LONG",
        "90 noches | STAY_TOO_LONG",
        "del 3 al 6 de marzo 4 noches | NIGHTS_MISMATCH",
        "la semana que viene | DATES_UNCLEAR",
        "para el finde largo | DATES_UNCLEAR",
        "el 3, el 5 o el 8 de enero | DATES_UNCLEAR",
        "del 3, 5 y 8 de enero | DATES_UNCLEAR",
        "para marzo | DATES_UNCLEAR",
      })
  void impossibleOrContradictoryDatesAreReportedNotGuessed(String text, ProblemCode code) {
    BookingRequest r = parse(text);
    assertThat(r.problems()).extracting(ParseProblem::code).containsExactly(code);
    assertNoDates(r);
  }

  @Test
  void theMaximumStayIsConfigurable() {
    SpanishRequestParser strict = new SpanishRequestParser(new StayRules(7));
    BookingRequest r = strict.parse("del 1 al 10 de enero", Parsing.TODAY);
    assertThat(r.has(ProblemCode.STAY_TOO_LONG)).isTrue();
    assertThat(parse("del 1 al 10 de enero").problems()).isEmpty();
  }

  @Test
  void aProblemNamesTheFragmentItIsAbout() {
    assertThat(parse("31/04").problems().getFirst().detail()).isEqualTo("31/04");
  }
}
