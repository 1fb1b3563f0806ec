package ar.booking.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

/** Shared test helpers: a fixed "today" (Saturday 28 November 2026) and stay assertions. */
final class Parsing {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final SpanishRequestParser PARSER = new SpanishRequestParser();

  private Parsing() {}

  static BookingRequest parse(String text) {
    return PARSER.parse(text, TODAY);
  }

  static void assertStay(BookingRequest r, String checkIn, String checkOut) {
    assertThat(r.problems()).isEmpty();
    assertThat(r.checkIn()).contains(LocalDate.parse(checkIn));
    if (checkOut == null) {
      assertThat(r.checkOut()).isEmpty();
    } else {
      assertThat(r.checkOut()).contains(LocalDate.parse(checkOut));
    }
  }

  static void assertNoDates(BookingRequest r) {
    assertThat(r.checkIn()).isEmpty();
    assertThat(r.checkOut()).isEmpty();
  }
}
