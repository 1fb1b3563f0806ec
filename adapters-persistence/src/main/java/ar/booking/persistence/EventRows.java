package ar.booking.persistence;

import ar.booking.core.event.Delivery;
import ar.booking.core.event.DeliveryStatus;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL and row mapping of domain events and their deliveries. */
final class EventRows {

  private EventRows() {}

  /**
   * CTE parts that append the bound event ({@code :ev_*}) once per row of {@code source}, with a
   * pending delivery for every registered subscriber. Put after other CTEs: {@code ", " + ...}.
   */
  static String appendFrom(String source) {
    return " ev AS (INSERT INTO domain_event (type, stream, data, occurred_at)"
        + " SELECT :ev_type, :ev_stream, jsonb_object(CAST(:ev_keys AS text[]),"
        + " CAST(:ev_values AS text[])), :ev_at FROM "
        + source
        + " RETURNING id, stream, occurred_at),"
        + " dl AS (INSERT INTO event_delivery (event_id, subscriber, stream, next_attempt_at)"
        + " SELECT ev.id, s.name, ev.stream, ev.occurred_at FROM ev CROSS JOIN event_subscriber s)";
  }

  static <S extends SqlStatement<S>> S bind(S statement, DomainEvent event) {
    List<String> keys = List.copyOf(event.data().keySet());
    List<String> values = keys.stream().map(k -> event.data().get(k)).toList();
    return statement
        .bind("ev_type", event.type().name())
        .bind("ev_stream", event.stream())
        .bindArray("ev_keys", String.class, keys)
        .bindArray("ev_values", String.class, values)
        .bindByType("ev_at", ReservationRows.utc(event.occurredAt()), OffsetDateTime.class);
  }

  /** Appends an event on its own (one statement). */
  static void append(Handle handle, DomainEvent event) {
    bind(handle.createUpdate("WITH src AS (SELECT 1)," + appendFrom("src") + " SELECT 1"), event)
        .execute();
  }

  /** Columns of an event row {@code e}, its data as two parallel arrays. */
  static final String EVENT_COLUMNS =
      "e.id, e.type, e.stream, e.occurred_at,"
          + " (SELECT coalesce(array_agg(key ORDER BY key), '{}') FROM jsonb_each_text(e.data))"
          + " AS data_keys,"
          + " (SELECT coalesce(array_agg(value ORDER BY key), '{}') FROM jsonb_each_text(e.data))"
          + " AS data_values";

  static DomainEvent event(ResultSet rs) throws SQLException {
    Map<String, String> data = new LinkedHashMap<>();
    String[] keys = strings(rs.getArray("data_keys"));
    String[] values = strings(rs.getArray("data_values"));
    for (int i = 0; i < keys.length; i++) {
      data.put(keys[i], values[i]);
    }
    return new DomainEvent(
        rs.getLong("id"),
        EventType.valueOf(rs.getString("type")),
        rs.getString("stream"),
        data,
        ReservationRows.instant(rs, "occurred_at"));
  }

  static Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(
        event(rs),
        rs.getString("subscriber"),
        DeliveryStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        ReservationRows.instant(rs, "next_attempt_at"),
        rs.getString("last_error"));
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }
}
