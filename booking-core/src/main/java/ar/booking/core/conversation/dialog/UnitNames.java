package ar.booking.core.conversation.dialog;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.shared.AccommodationId;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches the unit a guest named ("cabana del lago", "depto", "cabana 2", as the parser reports it)
 * to the lodging's units, by the words of their names and their kind.
 */
final class UnitNames {

  private static final Set<String> FILLER = Set.of("de", "del", "la", "el", "los", "las");

  private static final Map<String, AccommodationType> KINDS =
      Map.ofEntries(
          Map.entry("cabana", AccommodationType.CABIN),
          Map.entry("bungalow", AccommodationType.CABIN),
          Map.entry("domo", AccommodationType.CABIN),
          Map.entry("chalet", AccommodationType.HOUSE),
          Map.entry("casa", AccommodationType.HOUSE),
          Map.entry("duplex", AccommodationType.HOUSE),
          Map.entry("depto", AccommodationType.APARTMENT),
          Map.entry("apart", AccommodationType.APARTMENT),
          Map.entry("loft", AccommodationType.APARTMENT),
          Map.entry("monoambiente", AccommodationType.APARTMENT),
          Map.entry("habitacion", AccommodationType.ROOM),
          Map.entry("suite", AccommodationType.ROOM));

  private static final Map<String, String> SYNONYMS =
      Map.of("departamento", "depto", "dpto", "depto", "cabaña", "cabana", "hab", "habitacion");

  private UnitNames() {}

  /** The units the hint points at; empty when it names none of them (then it narrows nothing). */
  static Set<AccommodationId> matching(List<Accommodation> units, Optional<String> hint) {
    if (hint.isEmpty() || hint.get().isBlank()) {
      return Set.of();
    }
    List<String> words = words(hint.get());
    Set<AccommodationId> byName = new HashSet<>();
    for (Accommodation unit : units) {
      Set<String> name = new HashSet<>(words(unit.name()));
      if (name.containsAll(words)) {
        byName.add(unit.id());
      }
    }
    if (!byName.isEmpty()) {
      return byName;
    }
    // "la cabaña del lago" when the unit is called "Lago": the qualifier alone
    List<String> qualifiers = words.subList(Math.min(1, words.size()), words.size());
    if (!qualifiers.isEmpty()) {
      for (Accommodation unit : units) {
        if (new HashSet<>(words(unit.name())).containsAll(qualifiers)) {
          byName.add(unit.id());
        }
      }
      if (!byName.isEmpty()) {
        return byName;
      }
    }
    AccommodationType kind = words.isEmpty() ? null : KINDS.get(words.getFirst());
    if (kind == null || words.size() > 1) {
      return Set.of();
    }
    return units.stream()
        .filter(u -> u.type() == kind)
        .map(Accommodation::id)
        .collect(Collectors.toSet());
  }

  static List<String> words(String text) {
    String plain =
        Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^a-z0-9]+", " ")
            .strip();
    if (plain.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(plain.split(" "))
        .filter(w -> !FILLER.contains(w))
        .map(w -> SYNONYMS.getOrDefault(w, w))
        .map(w -> w.matches("0+\\d+") ? w.replaceFirst("^0+", "") : w)
        .toList();
  }
}
