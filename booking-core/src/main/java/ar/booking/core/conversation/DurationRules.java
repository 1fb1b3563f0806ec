package ar.booking.core.conversation;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads a length of stay: "4 noches", "una semana" (7), "dos semanas" (14), "una quincena" (15), "3
 * días" (3 nights: guests say días for nights). Stated nights win over stated days.
 */
final class DurationRules {

  private static final Pattern NIGHTS =
      Pattern.compile("\\b(\\d{1,2}) ?(?:noches?|nochecitas?|nts|n)\\b");
  private static final Pattern WEEKS = Pattern.compile("\\b(\\d{1,2}) ?semanas?\\b");
  private static final Pattern FORTNIGHT = Pattern.compile("\\b(?:1 )?quincena\\b");
  private static final Pattern DAYS = Pattern.compile("\\b(\\d{1,2}) ?dias?\\b");

  private DurationRules() {}

  static OptionalInt find(MaskedText text) {
    int[] nights = {-1};
    int[] days = {-1};
    text.consume(NIGHTS, m -> nights[0] = first(nights[0], Integer.parseInt(m.group(1))));
    text.consume(WEEKS, m -> nights[0] = first(nights[0], 7 * Integer.parseInt(m.group(1))));
    text.consume(FORTNIGHT, m -> nights[0] = first(nights[0], 15));
    text.consume(DAYS, m -> days[0] = first(days[0], Integer.parseInt(m.group(1))));
    if (nights[0] >= 0) {
      return OptionalInt.of(nights[0]);
    }
    return days[0] >= 0 ? OptionalInt.of(days[0]) : OptionalInt.empty();
  }

  private static int first(int current, int candidate) {
    return current >= 0 ? current : candidate;
  }
}
