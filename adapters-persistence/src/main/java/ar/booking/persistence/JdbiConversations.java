package ar.booking.persistence;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link Conversations} on PostgreSQL: one {@code conversation} row per guest, saved with a
 * compare-and-set on its version inside the caller's unit of work (the state and the replies it
 * queued commit together). The dialog's data is a flat {@code jsonb} object of strings.
 */
final class JdbiConversations implements Conversations {

  private static final String COLUMNS =
      "guest_wa_id, guest_name, state, last_inbound_at, handoff_until, updated_at, version,"
          + " (SELECT coalesce(array_agg(key ORDER BY key), '{}') FROM jsonb_each_text(state_data))"
          + " AS data_keys,"
          + " (SELECT coalesce(array_agg(value ORDER BY key), '{}')"
          + " FROM jsonb_each_text(state_data)) AS data_values";

  private final Database db;

  JdbiConversations(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Conversation> find(String guestId) {
    return db.withHandle(handle -> find(handle, guestId));
  }

  private static Optional<Conversation> find(Handle handle, String guestId) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM conversation WHERE guest_wa_id = :guest")
        .bind("guest", guestId)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  @Override
  public SaveOutcome save(Conversation c) {
    List<String> keys = List.copyOf(c.data().keySet());
    List<String> values = keys.stream().map(k -> c.data().get(k)).toList();
    String write =
        c.version() == 0
            ? "INSERT INTO conversation (guest_wa_id, guest_name, state, state_data,"
                + " last_inbound_at, handoff_until, created_at, updated_at, version)"
                + " VALUES (:guest, :name, :state, jsonb_object(CAST(:keys AS text[]),"
                + " CAST(:values AS text[])), :last_inbound, :handoff, :updated, :updated, 1)"
                + " ON CONFLICT (guest_wa_id) DO NOTHING RETURNING version"
            : "UPDATE conversation SET guest_name = :name, state = :state,"
                + " state_data = jsonb_object(CAST(:keys AS text[]), CAST(:values AS text[])),"
                + " last_inbound_at = :last_inbound, handoff_until = :handoff,"
                + " updated_at = :updated, version = version + 1"
                + " WHERE guest_wa_id = :guest AND version = :version RETURNING version";
    return db.withHandle(
        handle -> {
          Optional<Long> version =
              handle
                  .createQuery(write)
                  .bind("guest", c.guestId())
                  .bind("name", c.guestName())
                  .bind("state", c.state())
                  .bindArray("keys", String.class, keys)
                  .bindArray("values", String.class, values)
                  .bindByType(
                      "last_inbound", ReservationRows.utc(c.lastInboundAt()), OffsetDateTime.class)
                  .bindByType(
                      "handoff", ReservationRows.utc(c.handoffUntil()), OffsetDateTime.class)
                  .bindByType("updated", ReservationRows.utc(c.updatedAt()), OffsetDateTime.class)
                  .bind("version", c.version())
                  .mapTo(Long.class)
                  .findOne();
          if (version.isEmpty()) {
            return new Stale(find(handle, c.guestId()).orElse(null));
          }
          return new Saved(
              new Conversation(
                  c.guestId(),
                  c.guestName(),
                  c.state(),
                  c.data(),
                  c.lastInboundAt(),
                  c.handoffUntil(),
                  c.updatedAt(),
                  version.get()));
        });
  }

  @Override
  public List<Conversation> latest(int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM conversation ORDER BY updated_at DESC, guest_wa_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  private static Conversation read(ResultSet rs) throws SQLException {
    Map<String, String> data = new LinkedHashMap<>();
    String[] keys = strings(rs.getArray("data_keys"));
    String[] values = strings(rs.getArray("data_values"));
    for (int i = 0; i < keys.length; i++) {
      data.put(keys[i], values[i]);
    }
    return new Conversation(
        rs.getString("guest_wa_id"),
        rs.getString("guest_name"),
        rs.getString("state"),
        data,
        ReservationRows.instant(rs, "last_inbound_at"),
        ReservationRows.instant(rs, "handoff_until"),
        ReservationRows.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }
}
