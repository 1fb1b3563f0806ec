package ar.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.ports.StorageFailure;
import ar.booking.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema migrates from empty, and the database itself refuses what must never be stored. */
class SchemaIT {

  private static PostgresSettings settings;
  private static PostgresStores stores;
  private static Connection sql;

  @BeforeAll
  static void migrate() throws SQLException {
    settings = TestDatabases.freshDatabase();
    stores = PostgresStores.start(settings);
    sql = TestDatabases.connect(settings);
    exec(
        "INSERT INTO accommodation (id, name, type, capacity, check_in_time, check_out_time,"
            + " time_zone, active, currency, base_nightly_rate, weekend_nights, weekend_multiplier,"
            + " min_nights, cleaning_fee, deposit_percentage) VALUES (900, 'X', 'CABIN', 2, '14:00',"
            + " '10:00', 'UTC', true, 'ARS', 100, '{5,6}', 1, 1, 0, 30)");
  }

  @AfterAll
  static void close() throws SQLException {
    sql.close();
    stores.close();
  }

  private static void exec(String statement) throws SQLException {
    try (Statement s = sql.createStatement()) {
      s.execute(statement);
    }
  }

  private static List<String> column(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = sql.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static String occupancy(String code, String in, String out, String status) {
    return "INSERT INTO reservation (code, accommodation_id, check_in, check_out, kind, status,"
        + " channel, created_at, updated_at) VALUES ('"
        + code
        + "', 900, '"
        + in
        + "', '"
        + out
        + "', 'OWNER_BLOCK', '"
        + status
        + "', 'ADMIN', now(), now())";
  }

  @Test
  void everyMigrationRanOnTheEmptyDatabase() throws SQLException {
    assertThat(column("SELECT version FROM flyway_schema_history WHERE success ORDER BY 1"))
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(column("SELECT extname FROM pg_extension")).contains("btree_gist");
    assertThat(
            column(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
        .contains(
            "accommodation",
            "accommodation_season",
            "accommodation_holiday",
            "reservation",
            "reservation_night",
            "reservation_status_change",
            "payment",
            "payment_notification",
            "conversation",
            "inbox_message",
            "outbox_message",
            "outbox_attachment",
            "calendar_feed",
            "calendar_feed_sync",
            "calendar_imported_event",
            "calendar_conflict",
            "admin_user",
            "alert_settings",
            "timeline_step");
  }

  @Test
  void startingAgainOnAMigratedDatabaseChangesNothing() {
    try (PostgresStores again = PostgresStores.start(settings.withPoolSize(1))) {
      assertThat(again.ping()).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void theExclusionConstraintRefusesOverlappingActiveRowsWrittenByPlainSql() throws SQLException {
    exec(occupancy("AAAAAAA1", "2030-01-10", "2030-01-15", "BLOCKED"));
    exec(occupancy("AAAAAAA2", "2030-01-15", "2030-01-16", "BLOCKED")); // back to back is fine
    exec(occupancy("AAAAAAA3", "2030-01-12", "2030-01-13", "CANCELLED")); // inactive is fine
    assertThatThrownBy(() -> exec(occupancy("AAAAAAA4", "2030-01-14", "2030-01-15", "BLOCKED")))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23P01"));
    assertThatThrownBy(
            () -> exec("UPDATE reservation SET status = 'BLOCKED' WHERE code = 'AAAAAAA3'"))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23P01"));
  }

  @Test
  void checkConstraintsRefuseImpossibleRows() {
    assertThatThrownBy(() -> exec(occupancy("BBBBBBB1", "2030-02-10", "2030-02-10", "BLOCKED")))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
    assertThatThrownBy(
            () ->
                exec(
                    "INSERT INTO reservation (code, accommodation_id, check_in, check_out, kind,"
                        + " status, guests, channel, total, created_at, updated_at) VALUES"
                        + " ('BBBBBBB2', 900, '2030-03-01', '2030-03-02', 'GUEST_BOOKING',"
                        + " 'CONFIRMED', 0, 'ADMIN', 10, now(), now())"))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
    assertThatThrownBy(
            () ->
                exec(
                    "INSERT INTO reservation (code, accommodation_id, check_in, check_out, kind,"
                        + " status, guests, channel, total, created_at, updated_at) VALUES"
                        + " ('BBBBBBB3', 900, '2030-03-01', '2030-03-02', 'GUEST_BOOKING',"
                        + " 'CONFIRMED', 2, 'ADMIN', -1, now(), now())"))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
  }

  @Test
  void anUnreachableDatabaseFailsStartWithAClearRetryableMessage() {
    PostgresSettings nowhere =
        PostgresSettings.fromUrl("postgresql://u:secret@127.0.0.1:1/booking", 1)
            .withConnectionTimeout(Duration.ofMillis(500));
    assertThatThrownBy(() -> PostgresStores.start(nowhere))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining(
            "Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/booking")
        .hasMessageNotContaining("secret")
        .satisfies(e -> assertThat(((StorageFailure) e).retryable()).isTrue());
  }
}
