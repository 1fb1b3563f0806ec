package ar.booking.persistence.testing;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Which server the integration tests use, in this order: the URL given in the environment, a
 * Testcontainers container when a Docker engine answers, otherwise an embedded server.
 */
public enum TestBackend {
  GIVEN_URL,
  TESTCONTAINERS,
  EMBEDDED;

  /** Set to {@code false} to skip probing for Docker. */
  public static final String DOCKER_SWITCH = "TEST_DOCKER";

  /**
   * @param urlVariable e.g. {@code TEST_DATABASE_URL}
   * @param dockerAvailable asked only when no URL is given and Docker is not switched off
   */
  public static TestBackend choose(
      Map<String, String> environment, String urlVariable, BooleanSupplier dockerAvailable) {
    String url = environment.get(urlVariable);
    if (url != null && !url.isBlank()) {
      return GIVEN_URL;
    }
    if ("false".equalsIgnoreCase(environment.getOrDefault(DOCKER_SWITCH, "").strip())) {
      return EMBEDDED;
    }
    return dockerAvailable.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
  }

  /** The environment variables, with system properties of the same name taking precedence. */
  static Map<String, String> environment() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    for (String name : new String[] {"TEST_DATABASE_URL", "TEST_REDIS_URL", DOCKER_SWITCH}) {
      String property = System.getProperty(name);
      if (property != null) {
        env.put(name, property);
      }
    }
    return env;
  }
}
