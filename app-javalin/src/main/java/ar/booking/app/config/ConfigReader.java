package ar.booking.app.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads variables for every settings area and collects their problems instead of stopping at the
 * first one, so that {@link Config#from} can report them all at once. Secret values never appear in
 * a problem.
 */
final class ConfigReader {

  private final Map<String, String> variables;
  private final Map<Var, String> problems = new EnumMap<>(Var.class);

  ConfigReader(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The value, stripped, or empty when unset or blank. */
  Optional<String> optional(Var var) {
    String value = variables.get(var.name());
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** The parsed value, or {@code fallback} when unset; a parse failure is a problem. */
  <T> T get(Var var, Function<String, T> parse, T fallback) {
    Optional<String> value = optional(var);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return parse.apply(value.get());
    } catch (RuntimeException e) {
      problem(var, e.getMessage() == null ? "is invalid" : "is invalid: " + e.getMessage());
      return fallback;
    }
  }

  int integer(Var var, int min, int max) {
    int fallback = Integer.parseInt(var.defaultValue());
    return get(
        var,
        v -> {
          int n;
          try {
            n = Integer.parseInt(v.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + shown(var, v));
          }
          if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
          }
          return n;
        },
        fallback);
  }

  boolean bool(Var var) {
    return get(
        var,
        v ->
            switch (v.strip().toLowerCase(Locale.ROOT)) {
              case "true", "1", "yes", "on" -> true;
              case "false", "0", "no", "off" -> false;
              default -> throw new IllegalArgumentException("must be true or false");
            },
        Boolean.parseBoolean(var.defaultValue()));
  }

  /** Records a problem; the message follows the variable's name ("PORT is invalid: …"). */
  void problem(Var var, String message) {
    problems.merge(var, message, (a, b) -> a + ", " + b);
  }

  void failIfProblems() {
    if (!problems.isEmpty()) {
      List<String> lines = new ArrayList<>();
      problems.forEach((var, message) -> lines.add(var.name() + " " + message));
      throw new ConfigException(lines);
    }
  }

  private static String shown(Var var, String value) {
    return var.secret() ? "***" : value;
  }
}
