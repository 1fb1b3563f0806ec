package ar.booking.persistence.testing;

import ar.booking.persistence.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Databases and Redis for integration tests of every module. The server is chosen once per JVM by
 * {@link TestBackend}: {@code TEST_DATABASE_URL} / {@code TEST_REDIS_URL} when set, Testcontainers
 * when Docker answers, otherwise embedded PostgreSQL and Redis. Each {@link #freshDatabase()} is a
 * new, empty, uniquely named database, dropped at JVM exit.
 */
public final class TestDatabases {

  private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
  private static final String RUN_ID =
      UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private static final List<String> CREATED = new ArrayList<>();

  private static PostgresSettings server;
  private static String redis;

  private TestDatabases() {}

  /** A new empty database on the selected server, with a pool of 10 connections. */
  public static PostgresSettings freshDatabase() {
    PostgresSettings admin = server();
    String name = "booking_test_" + RUN_ID + "_" + UUID.randomUUID().toString().substring(0, 8);
    name = name.toLowerCase(Locale.ROOT).replace('-', '_');
    try (Connection connection = connect(admin);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + admin.jdbcUrl(), e);
    }
    synchronized (CREATED) {
      CREATED.add(name);
    }
    return admin.withDatabase(name).withPoolSize(10).withConnectionTimeout(Duration.ofSeconds(10));
  }

  /** The server's {@code postgres} database (for admin statements in tests). */
  public static synchronized PostgresSettings server() {
    if (server == null) {
      Map<String, String> env = TestBackend.environment();
      TestBackend backend = TestBackend.choose(env, "TEST_DATABASE_URL", Docker::available);
      String url =
          switch (backend) {
            case GIVEN_URL -> env.get("TEST_DATABASE_URL");
            case TESTCONTAINERS -> Containers.postgres();
            case EMBEDDED -> EmbeddedServers.postgres();
          };
      server = PostgresSettings.fromUrl(url, 4);
      LOG.info("Test PostgreSQL: {} ({})", backend, server.jdbcUrl());
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TestDatabases::dropAll, "test-databases-drop"));
    }
    return server;
  }

  /** The selected Redis, as a {@code redis://host:port} URL. */
  public static synchronized String redisUrl() {
    if (redis == null) {
      Map<String, String> env = TestBackend.environment();
      TestBackend backend = TestBackend.choose(env, "TEST_REDIS_URL", Docker::available);
      redis =
          switch (backend) {
            case GIVEN_URL -> env.get("TEST_REDIS_URL").strip();
            case TESTCONTAINERS -> Containers.redis();
            case EMBEDDED -> EmbeddedServers.redis();
          };
      LOG.info("Test Redis: {} ({})", backend, redis);
    }
    return redis;
  }

  /** A key prefix unique to this test run, so runs sharing a Redis never see each other's keys. */
  public static String keyPrefix() {
    return "booking-test:" + RUN_ID + ":";
  }

  /** A plain JDBC connection to the database described by {@code settings}. */
  public static Connection connect(PostgresSettings settings) throws SQLException {
    Properties properties = new Properties();
    if (settings.user() != null) {
      properties.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      properties.setProperty("password", settings.password());
    }
    return DriverManager.getConnection(settings.jdbcUrl(), properties);
  }

  private static void dropAll() {
    List<String> names;
    synchronized (CREATED) {
      names = List.copyOf(CREATED);
    }
    if (names.isEmpty()) {
      return;
    }
    try (Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      for (String name : names) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      // the embedded server may already be gone, taking its databases with it
      System.err.println("test databases not dropped: " + e.getMessage());
    }
  }
}
