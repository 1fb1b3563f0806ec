package ar.booking.persistence;

import ar.booking.core.notification.AlertKind;
import ar.booking.core.notification.AlertPreferences;
import ar.booking.core.notification.AlertSettings;
import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.reservation.ReservationCode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link AlertSettings} (one {@code alert_settings} row) and {@link TimelineSteps} ({@code
 * timeline_step}, whose primary key makes a mark atomic across processes) on PostgreSQL.
 */
final class JdbiNotificationStores {

  private JdbiNotificationStores() {}

  static final class Alerts implements AlertSettings {
    private final Database db;

    Alerts(Database db) {
      this.db = db;
    }

    @Override
    public Optional<AlertPreferences> stored() {
      return db.withHandle(
          handle ->
              handle
                  .createQuery("SELECT whatsapp, emails, muted FROM alert_settings WHERE id = 1")
                  .map((rs, ctx) -> read(rs))
                  .findOne());
    }

    @Override
    public void store(AlertPreferences p) {
      db.statement(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO alert_settings (id, whatsapp, emails, muted, updated_at)"
                          + " VALUES (1, :whatsapp, :emails, :muted, now()) ON CONFLICT (id) DO"
                          + " UPDATE SET whatsapp = EXCLUDED.whatsapp, emails = EXCLUDED.emails,"
                          + " muted = EXCLUDED.muted, updated_at = now()")
                  .bindArray("whatsapp", String.class, p.whatsapp())
                  .bindArray("emails", String.class, p.emails())
                  .bindArray(
                      "muted",
                      String.class,
                      p.muted().stream().map(AlertKind::code).sorted().toList())
                  .execute());
    }

    private static AlertPreferences read(ResultSet rs) throws SQLException {
      return new AlertPreferences(
          strings(rs.getArray("whatsapp")),
          strings(rs.getArray("emails")),
          strings(rs.getArray("muted")).stream()
              .map(AlertKind::parse)
              .flatMap(Optional::stream)
              .collect(Collectors.toSet()));
    }

    private static List<String> strings(Array array) throws SQLException {
      return array == null
          ? List.of()
          : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }
  }

  static final class Steps implements TimelineSteps {
    private final Database db;

    Steps(Database db) {
      this.db = db;
    }

    @Override
    public boolean mark(ReservationCode code, String step, Instant at) {
      return db.statement(
              handle ->
                  handle
                      .createUpdate(
                          "INSERT INTO timeline_step (reservation_code, step, done_at)"
                              + " VALUES (:code, :step, :at) ON CONFLICT DO NOTHING")
                      .bind("code", code.value())
                      .bind("step", step)
                      .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                      .execute())
          == 1;
    }

    @Override
    public boolean done(ReservationCode code, String step) {
      return db.withHandle(
          handle ->
              handle
                  .createQuery(
                      "SELECT EXISTS (SELECT 1 FROM timeline_step"
                          + " WHERE reservation_code = :code AND step = :step)")
                  .bind("code", code.value())
                  .bind("step", step)
                  .mapTo(Boolean.class)
                  .one());
    }

    @Override
    public int prune(Instant before) {
      return db.withHandle(
          handle ->
              handle
                  .createUpdate("DELETE FROM timeline_step WHERE done_at < :before")
                  .bindByType("before", ReservationRows.utc(before), OffsetDateTime.class)
                  .execute());
    }
  }
}
