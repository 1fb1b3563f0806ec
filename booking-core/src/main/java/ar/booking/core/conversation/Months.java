package ar.booking.core.conversation;

import java.util.Map;

/** Spanish month names and the abbreviations guests write, to month numbers. */
final class Months {

  /** Longest first, so "marzo" is not read as "mar" followed by "zo". */
  static final String NAME_REGEX =
      "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
          + "|noviembre|diciembre|sept|sep|set|ene|feb|mar|abr|may|jun|jul|ago|oct|nov|dic)\\b";

  /** Full names only: a bare "mar" or "set" is too often something else to mean a month. */
  static final String FULL_NAME_REGEX =
      "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
          + "|noviembre|diciembre)\\b";

  private static final Map<String, Integer> BY_PREFIX =
      Map.ofEntries(
          Map.entry("ene", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("abr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("ago", 8),
          Map.entry("sep", 9),
          Map.entry("set", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dic", 12));

  private Months() {}

  /** The month number of a name matched by {@link #NAME_REGEX}. */
  static int number(String name) {
    Integer month = BY_PREFIX.get(name.substring(0, 3));
    if (month == null) {
      throw new IllegalArgumentException("not a month: " + name);
    }
    return month;
  }
}
