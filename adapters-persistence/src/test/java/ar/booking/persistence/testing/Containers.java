package ar.booking.persistence.testing;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL 16 and Redis 7 in containers, for machines with a Docker engine. Not exercised on the
 * development machine of this module (no Docker engine there); see the module README.
 */
final class Containers {

  private Containers() {}

  /** A JDBC URL of the {@code postgres} database of a fresh PostgreSQL 16 container. */
  @SuppressWarnings("resource") // stopped by Testcontainers' reaper at JVM exit
  static String postgres() {
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse("postgres:16-alpine"))
            .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
            .withExposedPorts(5432)
            .waitingFor(
                Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
    container.start();
    return "jdbc:postgresql://"
        + container.getHost()
        + ":"
        + container.getMappedPort(5432)
        + "/postgres?user=postgres";
  }

  @SuppressWarnings("resource")
  static String redis() {
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
    container.start();
    return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
  }
}
