package ar.booking.core.conversation;

import java.util.OptionalInt;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Reads how many people travel. A stated total ("somos 5", "5 personas") wins; otherwise adults
 * plus children; couples count two ("dos parejas" is 4, "yo y mi señora" is 2, "viajo solo" is 1).
 * Babies count as guests and as children, because they occupy the unit and count for its capacity;
 * if a total is stated and babies are mentioned apart ("somos 3 y un bebé"), the babies are added.
 */
final class GuestRules {

  private static final String KIDS =
      "(?:ninos?|ninas?|nenes?|nenas?|chicos?|chicas?|menores|menor|hijos?|hijas?|chiquitos?"
          + "|chiquitas?|pibes?|pibas?|peques?|criaturas?|nietos?|nietas?)";
  private static final String ADULT_WORDS =
      "(?:adultos?|adultas?|mayores|grandes|adul|abuelos?|abuelas?|padres)";
  private static final Pattern RANGE_TOTAL =
      Pattern.compile("\\b(\\d{1,2}) ?(?:o|a|-) ?(\\d{1,2}) ?(?:personas|pax|pers)\\b");
  private static final Pattern TOTAL =
      Pattern.compile(
          "\\b(\\d{1,2}) ?(?:personas?|pers|pax|huespedes|huesped|integrantes|viajeros)\\b"
              + "|\\b(?:somos|seriamos|seremos|vamos|viajamos|vendriamos|iriamos|vamos a ser)"
              + " (?:unos |unas )?(\\d{1,2})\\b(?! ?(?:/|de |al |adult|mayor|grande|nin|nen|chic"
              + "|menor|hij|bebe|beba|pareja|matrimonio|familia|abuel|padres|niet))"
              + "|\\b(?:familia|grupo|flia) de (\\d{1,2})\\b"
              + "|\\bpara (\\d{1,2})\\b(?! ?(?:/|de |al |a |hasta|noche|dia|semana|adult"
              + "|mayor|nin|nen|chic|menor|bebe|pareja))");
  private static final Pattern ADULTS = Pattern.compile("\\b(\\d{1,2}) ?" + ADULT_WORDS + "\\b");
  private static final Pattern CHILDREN = Pattern.compile("\\b(\\d{1,2}) ?" + KIDS + "\\b");
  private static final Pattern BABIES =
      Pattern.compile(
          "\\b(\\d{1,2}) ?(?:bebes?|bebas?|bbs?|bebitos?)\\b|\\b(?:con|y) (?:el |la )?(?:bebe|beba)\\b");
  private static final Pattern COUPLES =
      Pattern.compile(
          "\\b(\\d{1,2}) (?:parejas?|matrimonios?)\\b|\\bmatrimonio\\b|\\ben pareja\\b");
  private static final String COMPANION =
      "(?:senora|esposa|mujer|marido|esposo|novia|novio|pareja|companera|companero|jermu|gorda"
          + "|gordo|flaca|flaco|hermana|hermano|amiga|amigo|mama|papa|vieja|viejo|madre|padre"
          + "|suegra|suegro|hija|hijo|cunada|cunado|prima|primo|tia|tio|abuela|abuelo|socio)";
  private static final Pattern COMPANIONS = Pattern.compile("\\bmis? " + COMPANION + "s?\\b");
  private static final Pattern ALONE =
      Pattern.compile(
          "\\b(?:viajo|voy|vengo|estoy|soy|seria|iria|vendria|para mi|estaria) sol[oa]\\b"
              + "|\\bsolo yo\\b|\\byo solo\\b|\\byo sola\\b|\\bsola yo\\b");

  /** "hablar con una persona" asks for a human; it is not a guest count. */
  private static final Pattern NOT_GUESTS =
      Pattern.compile(
          "\\b(?:hablar|comunicarme|contactarme|charlar|atienda|atiende) con 1 persona\\b");

  /**
   * "2 + 1 nene", "somos 2+2 chicos", "2 adultos + 1 bebé": people added with a plus; a bare "2+1"
   * counts only after "somos", "para" and the like.
   */
  private static final Pattern PLUS =
      Pattern.compile(
          "\\b(?:(somos|seriamos|seremos|vamos|viajamos|para) )?(\\d{1,2}) ?(?:"
              + ADULT_WORDS
              + " ?)?\\+ ?(\\d{1,2})\\b(?: ?("
              + KIDS
              + "|bebes?|bebas?|bbs?|bebitos?|"
              + ADULT_WORDS
              + "|personas?|pax)\\b)?(?! ?/)");

  private GuestRules() {}

  static Guests find(MaskedText text) {
    int[] total = {-1};
    int[] adults = {0};
    int[] children = {0};
    int[] babies = {0};
    text.remove(NOT_GUESTS);
    text.consumeUpTo(
        PLUS,
        m -> {
          String kind = m.group(4);
          if (m.group(1) == null && kind == null) {
            return m.start(); // "3+2" alone may be anything
          }
          adults[0] += num(m.group(2));
          if (kind != null && kind.matches(KIDS)) {
            children[0] += num(m.group(3));
          } else if (kind != null && kind.startsWith("b")) {
            babies[0] += num(m.group(3));
          } else {
            adults[0] += num(m.group(3));
          }
          return m.end();
        });
    text.consume(RANGE_TOTAL, m -> total[0] = Math.max(num(m.group(1)), num(m.group(2))));
    text.consume(TOTAL, m -> total[0] = total[0] >= 0 ? total[0] : firstNumber(m));
    text.consume(ADULTS, m -> adults[0] += num(m.group(1)));
    text.consume(COUPLES, m -> adults[0] += m.group(1) == null ? 2 : 2 * num(m.group(1)));
    text.consume(BABIES, m -> babies[0] += m.group(1) == null ? 1 : num(m.group(1)));
    text.consume(CHILDREN, m -> children[0] += num(m.group(1)));
    boolean alone = text.text().contains("sol") && ALONE.matcher(text.text()).find();
    int[] companions = {0};
    text.consume(COMPANIONS, m -> companions[0]++);
    if (adults[0] == 0 && companions[0] > 0) {
      adults[0] = 1 + companions[0];
    } else if (adults[0] == 0 && alone) {
      adults[0] = 1;
    }
    return combine(total[0], adults[0], children[0], babies[0]);
  }

  private static Guests combine(int total, int adults, int children, int babies) {
    OptionalInt a = adults > 0 ? OptionalInt.of(adults) : OptionalInt.empty();
    OptionalInt c = children + babies > 0 ? OptionalInt.of(children + babies) : OptionalInt.empty();
    int breakdown = adults + children;
    if (total < 0) {
      int sum = breakdown + babies;
      return sum == 0 ? Guests.NONE : new Guests(OptionalInt.of(sum), a, c, false);
    }
    if (total == 0) {
      return Guests.NONE;
    }
    if (breakdown == 0) {
      return new Guests(OptionalInt.of(total + babies), a, c, false);
    }
    if (breakdown + babies == total) {
      return new Guests(OptionalInt.of(total), a, c, false);
    }
    if (breakdown == total) {
      return new Guests(OptionalInt.of(total + babies), a, c, false);
    }
    if (adults > 0 && children + babies == 0 && adults < total) {
      // "somos 4, 2 adultos": the rest are not described; trust the total.
      return new Guests(OptionalInt.of(total), a, c, false);
    }
    return new Guests(OptionalInt.empty(), a, c, true);
  }

  private static int firstNumber(MatchResult m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return num(m.group(g));
      }
    }
    return -1;
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }
}
