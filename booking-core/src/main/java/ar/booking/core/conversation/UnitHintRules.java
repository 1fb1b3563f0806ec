package ar.booking.core.conversation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Finds the unit a guest names ("la cabaña 2", "el depto grande") and returns it normalized ({@code
 * "cabana 2"}, {@code "depto grande"}); matching it to a real unit is not done here.
 */
final class UnitHintRules {

  private static final Pattern UNIT =
      Pattern.compile(
          "\\b(cabana|cabanita|depto|departamentito|deptito|casa|casita|habitacion|hab|cuarto"
              + "|suite|loft|monoambiente|bungalow|duplex|unidad|domo|chalet|apart)\\b\\.?"
              + "(?: (?:numero|nro|num|no|n)\\b\\.?| ?#)?"
              + "(?: ?(\\d{1,2})\\b(?! ?(?:/|al\\b|de\\b|noches|personas|pax|adultos))"
              + "| (del|de la|de) (fondo|frente|arriba|abajo|lago|rio|bosque|medio|entrada|pileta"
              + "|esquina|adelante|atras)\\b"
              + "| ([a-z]+)\\b)?");

  private static final Set<String> QUALIFIERS =
      Set.of(
          "grande",
          "grandes",
          "chica",
          "chico",
          "chiquita",
          "pequena",
          "nueva",
          "nuevo",
          "vieja",
          "azul",
          "roja",
          "verde",
          "blanca",
          "amarilla",
          "principal",
          "familiar",
          "doble",
          "triple",
          "matrimonial",
          "superior",
          "standard",
          "estandar",
          "premium",
          "vip",
          "b",
          "c",
          "d",
          "uno",
          "dos",
          "tres",
          "alta",
          "baja");

  /** Kinds that need a qualifier to count as a hint ("en casa" is not a unit). */
  private static final Set<String> NEEDS_QUALIFIER =
      Set.of("casa", "casita", "habitacion", "hab", "cuarto", "unidad", "apart");

  private static final Map<String, String> CANONICAL =
      Map.of(
          "cabanita", "cabana",
          "departamentito", "depto",
          "deptito", "depto",
          "casita", "casa",
          "hab", "habitacion",
          "cuarto", "habitacion");

  private UnitHintRules() {}

  static Optional<String> find(MaskedText text) {
    String[] found = new String[1];
    text.consumeUpTo(
        UNIT,
        m -> {
          String hint = hint(m);
          if (found[0] == null) {
            found[0] = hint;
          }
          boolean plainWordAfter = m.group(5) != null && !QUALIFIERS.contains(m.group(5));
          return plainWordAfter ? m.end(1) : m.end();
        });
    return Optional.ofNullable(found[0]);
  }

  private static String hint(MatchResult m) {
    String kind = CANONICAL.getOrDefault(m.group(1), m.group(1));
    String qualifier = null;
    if (m.group(2) != null) {
      qualifier = Integer.toString(Integer.parseInt(m.group(2)));
    } else if (m.group(4) != null) {
      qualifier = m.group(3) + " " + m.group(4);
    } else if (m.group(5) != null && QUALIFIERS.contains(m.group(5))) {
      qualifier = m.group(5);
    }
    if (qualifier == null) {
      return NEEDS_QUALIFIER.contains(m.group(1)) ? null : kind;
    }
    return kind + " " + qualifier;
  }
}
