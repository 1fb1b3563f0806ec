package ar.booking.persistence.testing;

/** Asks Testcontainers, once, whether a Docker engine answers. */
final class Docker {

  private static volatile Boolean available;

  private Docker() {}

  static boolean available() {
    Boolean known = available;
    if (known == null) {
      boolean answer;
      try {
        answer = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (Throwable noDocker) {
        answer = false;
      }
      available = known = answer;
    }
    return known;
  }
}
