package ar.booking.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever a guest types, the parser answers: no exception, and a stay only if it is valid. */
class RobustnessTest {

  private static final List<String> WORDS =
      List.of(
          "del",
          "al",
          "el",
          "de",
          "y",
          "hasta",
          "desde",
          "ingreso",
          "egreso",
          "somos",
          "para",
          "noches",
          "noche",
          "semana",
          "dias",
          "personas",
          "adultos",
          "niños",
          "bebé",
          "parejas",
          "marzo",
          "dic",
          "sept",
          "febrero",
          "jueves",
          "sábado",
          "finde",
          "mañana",
          "hoy",
          "pasado",
          "próximo",
          "que viene",
          "otro",
          "mes",
          "cabaña",
          "depto",
          "$",
          "hs",
          "/",
          "-",
          ",",
          ".",
          "!!",
          "😀",
          "0",
          "1",
          "2",
          "3",
          "7",
          "12",
          "15",
          "29",
          "30",
          "31",
          "32",
          "99",
          "2026",
          "2027",
          "27",
          "00",
          "1ro",
          "primero",
          "cuatro",
          "treinta y uno",
          "3/4",
          "31/4",
          "29/2",
          "12-12",
          "2027-02-30",
          "+54 9 11 5555 4444",
          "cancelar",
          "gracias",
          "hola",
          "cuanto");

  private final SpanishRequestParser parser = new SpanishRequestParser();

  @Property(tries = 3000)
  void anyMixOfBookingWordsParsesWithoutFailing(
      @ForAll("messages") String text, @ForAll @IntRange(min = 0, max = 5 * 365) int offset) {
    LocalDate today = LocalDate.of(2026, 1, 1).plusDays(offset);
    BookingRequest r = parser.parse(text, today);
    r.checkIn().ifPresent(in -> assertThat(in).isAfterOrEqualTo(today));
    r.nights().ifPresent(n -> assertThat(n).isBetween(1, 60));
    r.guests().ifPresent(g -> assertThat(g).isPositive());
  }

  @Property(tries = 1000)
  void anyStringParsesWithoutFailing(@ForAll String text) {
    assertThat(parser.parse(text, LocalDate.of(2026, 11, 28)).intent()).isNotNull();
  }

  @Provide
  Arbitrary<String> messages() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(12).map(w -> String.join(" ", w));
  }
}
