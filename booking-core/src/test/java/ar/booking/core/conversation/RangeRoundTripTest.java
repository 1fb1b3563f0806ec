package ar.booking.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Any valid range (today in 2026–2030, check-in within 300 days, 1–30 nights) written in the usual
 * Spanish formats parses back to the same range.
 */
class RangeRoundTripTest {

  private static final List<List<String>> MONTH_NAMES =
      List.of(
          List.of("enero", "ene"),
          List.of("febrero", "feb"),
          List.of("marzo", "mar"),
          List.of("abril", "abr"),
          List.of("mayo", "may"),
          List.of("junio", "jun"),
          List.of("julio", "jul"),
          List.of("agosto", "ago"),
          List.of("septiembre", "setiembre", "sept", "set"),
          List.of("octubre", "oct"),
          List.of("noviembre", "nov"),
          List.of("diciembre", "dic"));

  private final SpanishRequestParser parser = new SpanishRequestParser();

  @Property(tries = 2000)
  void numericAndIsoRangesRoundTrip(
      @ForAll @IntRange(min = 0, max = 5 * 365) int todayOffset,
      @ForAll @IntRange(min = 0, max = 300) int checkInOffset,
      @ForAll @IntRange(min = 1, max = 30) int nights,
      @ForAll @IntRange(min = 0, max = 6) int format) {
    LocalDate today = LocalDate.of(2026, 1, 1).plusDays(todayOffset);
    LocalDate in = today.plusDays(checkInOffset);
    LocalDate out = in.plusDays(nights);
    String text =
        switch (format) {
          case 0 -> dm(in, "/") + " al " + dm(out, "/");
          case 1 -> dm(in, "-") + " al " + dm(out, "-");
          case 2 -> in + " al " + out;
          case 3 -> "ingreso " + dm(in, "/") + " egreso " + dm(out, "/");
          case 4 ->
              "del "
                  + dm(in, "/")
                  + "/"
                  + in.getYear()
                  + " al "
                  + dm(out, "/")
                  + "/"
                  + out.getYear();
          case 5 -> "llegamos el " + dm(in, "/") + " y nos vamos el " + dm(out, "/");
          default ->
              "del "
                  + dm(in, "/")
                  + "/"
                  + in.getYear() % 100
                  + " al "
                  + dm(out, "/")
                  + "/"
                  + out.getYear() % 100;
        };
    assertRange(text, today, in, out);
  }

  @Property(tries = 2000)
  void rangesWithMonthNamesRoundTrip(
      @ForAll @IntRange(min = 0, max = 5 * 365) int todayOffset,
      @ForAll @IntRange(min = 0, max = 300) int checkInOffset,
      @ForAll @IntRange(min = 1, max = 30) int nights,
      @ForAll @IntRange(min = 0, max = 2) int format,
      @ForAll @IntRange(min = 0, max = 3) int spelling) {
    LocalDate today = LocalDate.of(2026, 1, 1).plusDays(todayOffset);
    LocalDate in = today.plusDays(checkInOffset);
    LocalDate out = in.plusDays(nights);
    String text =
        switch (format) {
          case 0 ->
              "del "
                  + in.getDayOfMonth()
                  + " de "
                  + month(in, spelling)
                  + " al "
                  + out.getDayOfMonth()
                  + " de "
                  + month(out, spelling);
          case 1 ->
              "del "
                  + in.getDayOfMonth()
                  + " de "
                  + month(in, spelling)
                  + " de "
                  + in.getYear()
                  + " al "
                  + out.getDayOfMonth()
                  + " de "
                  + month(out, spelling)
                  + " de "
                  + out.getYear();
          default -> {
            // "del D al D de MES" names one month only: documented to cross back at most 21
            // nights, and only into the month just before.
            boolean sameMonth = in.getMonth() == out.getMonth();
            boolean shortCrossing =
                in.getDayOfMonth() > out.getDayOfMonth()
                    && in.plusMonths(1).getMonth() == out.getMonth()
                    && nights <= 21;
            Assume.that(sameMonth || shortCrossing);
            yield "del "
                + in.getDayOfMonth()
                + " al "
                + out.getDayOfMonth()
                + " de "
                + month(out, spelling);
          }
        };
    assertRange(text, today, in, out);
  }

  private void assertRange(String text, LocalDate today, LocalDate in, LocalDate out) {
    BookingRequest r = parser.parse(text, today);
    assertThat(r.problems()).as(text + " on " + today).isEmpty();
    assertThat(r.checkIn()).as(text + " on " + today).contains(in);
    assertThat(r.checkOut()).as(text + " on " + today).contains(out);
    assertThat(r.nights()).hasValue((int) ChronoUnit.DAYS.between(in, out));
  }

  private static String dm(LocalDate date, String separator) {
    return date.getDayOfMonth() + separator + date.getMonthValue();
  }

  private static String month(LocalDate date, int spelling) {
    List<String> names = MONTH_NAMES.get(date.getMonthValue() - 1);
    return names.get(spelling % names.size());
  }
}
