package ar.booking.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the hand-labelled corpus: exact match on check-in, check-out and guests jointly (and
 * the expected problem, when one is labelled). Prints the figures and every miss.
 */
class CorpusAccuracyTest {

  private static final double REQUIRED_STAY_ACCURACY = 0.97;
  private static final double REQUIRED_INTENT_ACCURACY = 0.90;

  private final SpanishRequestParser parser = new SpanishRequestParser();

  @Test
  void theParserReadsAtLeast97PercentOfTheCorpusExactly() {
    Corpus corpus = Corpus.load();
    List<String> misses = new ArrayList<>();
    int stayHits = 0;
    int intentHits = 0;
    for (Corpus.Entry e : corpus.entries()) {
      BookingRequest r = parser.parse(e.text(), e.today());
      boolean stay =
          r.checkIn().equals(e.checkIn())
              && r.checkOut().equals(e.checkOut())
              && r.guests().equals(e.guests())
              && e.problem().map(r::has).orElse(true);
      boolean intent = r.intent() == e.intent();
      stayHits += stay ? 1 : 0;
      intentHits += intent ? 1 : 0;
      if (!stay || !intent) {
        misses.add(describe(e, r, stay, intent));
      }
    }
    int n = corpus.entries().size();
    double stayAccuracy = (double) stayHits / n;
    double intentAccuracy = (double) intentHits / n;
    System.out.printf(
        "Corpus: %d requests, stay (check-in, check-out, guests) %d/%d = %.1f %%, intent %d/%d ="
            + " %.1f %%%n",
        n, stayHits, n, 100 * stayAccuracy, intentHits, n, 100 * intentAccuracy);
    misses.forEach(System.out::println);
    assertThat(n).isGreaterThanOrEqualTo(250);
    assertThat(stayAccuracy).isGreaterThanOrEqualTo(REQUIRED_STAY_ACCURACY);
    assertThat(intentAccuracy).isGreaterThanOrEqualTo(REQUIRED_INTENT_ACCURACY);
  }

  private static String describe(Corpus.Entry e, BookingRequest r, boolean stay, boolean intent) {
    return String.format(
        "  MISS%s line %d [%s] \"%s\"%n    expected in=%s out=%s guests=%s %s %s%n"
            + "    actual   in=%s out=%s guests=%s %s %s",
        (stay ? "" : " stay") + (intent ? "" : " intent"),
        e.line(),
        e.today(),
        e.text(),
        e.checkIn().map(Object::toString).orElse("-"),
        e.checkOut().map(Object::toString).orElse("-"),
        e.guests().isPresent() ? e.guests().getAsInt() : "-",
        e.intent(),
        e.problem().map(Object::toString).orElse(""),
        r.checkIn().map(Object::toString).orElse("-"),
        r.checkOut().map(Object::toString).orElse("-"),
        r.guests().isPresent() ? r.guests().getAsInt() : "-",
        r.intent(),
        r.problems());
  }
}
