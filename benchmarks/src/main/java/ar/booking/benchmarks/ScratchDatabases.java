package ar.booking.benchmarks;

import ar.booking.persistence.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Creates and drops the benchmarks' own databases on the server they are pointed at. */
final class ScratchDatabases {

  private ScratchDatabases() {}

  /** Runs one statement (CREATE / DROP DATABASE) on the server's maintenance database. */
  static void admin(PostgresSettings server, String sql) throws SQLException {
    Properties properties = new Properties();
    if (server.user() != null) {
      properties.setProperty("user", server.user());
    }
    if (server.password() != null) {
      properties.setProperty("password", server.password());
    }
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), properties);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
