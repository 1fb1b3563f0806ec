package ar.booking.app;

import ar.booking.app.config.Config;
import ar.booking.core.ports.StorageFailure;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.PostgresStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system of record for one run: PostgreSQL at {@code DATABASE_URL}, or in development an
 * embedded PostgreSQL whose data is kept under {@code DATA_DIR/postgres} across restarts.
 */
final class Storage implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Storage.class);

  private final PostgresStores stores;
  private final EmbeddedPostgres embedded;

  private Storage(PostgresStores stores, EmbeddedPostgres embedded) {
    this.stores = stores;
    this.embedded = embedded;
  }

  /**
   * Connects and migrates.
   *
   * @throws StorageFailure when the database cannot be reached, started or migrated
   */
  static Storage open(Config config) {
    if (config.database().url().isPresent()) {
      PostgresSettings settings =
          PostgresSettings.fromUrl(config.database().url().get(), config.database().poolSize());
      log.info("Connecting to PostgreSQL at {}", withoutParameters(settings.jdbcUrl()));
      return new Storage(PostgresStores.start(settings), null);
    }
    EmbeddedPostgres embedded = startEmbedded(config.dataDir().resolve("postgres"));
    try {
      PostgresSettings settings =
          PostgresSettings.fromUrl(
              embedded.getJdbcUrl("postgres", "postgres"), config.database().poolSize());
      return new Storage(PostgresStores.start(settings), embedded);
    } catch (RuntimeException e) {
      closeQuietly(embedded);
      throw e;
    }
  }

  private static EmbeddedPostgres startEmbedded(Path dir) {
    try {
      Files.createDirectories(dir);
      Path work = dir.getParent().resolve("postgres-binaries");
      Files.createDirectories(work);
      log.info("Starting embedded PostgreSQL with data in {}", dir.toAbsolutePath());
      return EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(work.toFile())
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException | RuntimeException e) {
      throw new StorageFailure(
          "Cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), false, e);
    }
  }

  PostgresStores stores() {
    return stores;
  }

  boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    stores.close();
    if (embedded != null) {
      closeQuietly(embedded);
    }
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  /** The server and database only: query parameters may carry secrets (sslpassword…). */
  static String withoutParameters(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }
}
