package ar.booking.app.config;

import java.util.List;

/** The configuration cannot be used; lists every problem found, not only the first. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(
        "Invalid configuration ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "): "
            + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
