package ar.booking.persistence;

import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.InboxStatus;
import ar.booking.core.messaging.StoredInbound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@link Inbox} on PostgreSQL: one {@code inbox_message} row per message id (a duplicate delivery
 * hits the unique constraint and is dropped). A claim takes the head of each guest (the oldest
 * pending message) when it is due, with {@code FOR UPDATE SKIP LOCKED}, and leases it by moving its
 * next attempt to the end of the lease; concurrent workers therefore never hold two messages of one
 * guest, and a crashed worker's messages come back when the lease ends.
 */
final class JdbiInbox implements Inbox {

  private static final String COLUMNS =
      "id, message_id, sender, sender_name, kind, body, choice_id, media_id, media_mime_type,"
          + " media_sha256, media_voice, sent_at, received_at, status, attempts, processed_at,"
          + " transcript, last_error";

  private final Database db;

  JdbiInbox(Database db) {
    this.db = db;
  }

  @Override
  public boolean store(InboundMessage m, String rawPayload, Instant receivedAt) {
    InboundMessage.MediaRef media = m.media();
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "INSERT INTO inbox_message (message_id, sender, sender_name, kind, body,"
                        + " choice_id, media_id, media_mime_type, media_sha256, media_voice,"
                        + " raw_payload, sent_at, received_at, next_attempt_at) VALUES (:mid,"
                        + " :sender, :name, :kind, :body, :choice, :media, :mime, :sha, :voice,"
                        + " :raw, :sent_at, :received_at, :received_at)"
                        + " ON CONFLICT ON CONSTRAINT inbox_message_unique DO NOTHING RETURNING id")
                .bind("mid", m.messageId())
                .bind("sender", m.from())
                .bind("name", m.senderName())
                .bind("kind", m.kind().name())
                .bind("body", m.text())
                .bind("choice", m.choiceId())
                .bind("media", media == null ? null : media.id())
                .bind("mime", media == null ? null : media.mimeType())
                .bind("sha", media == null ? null : media.sha256())
                .bind("voice", media != null && media.voice())
                .bind("raw", rawPayload == null ? "" : rawPayload)
                .bindByType("sent_at", ReservationRows.utc(m.sentAt()), OffsetDateTime.class)
                .bindByType("received_at", ReservationRows.utc(receivedAt), OffsetDateTime.class)
                .mapTo(Long.class)
                .findOne()
                .isPresent());
  }

  @Override
  public List<StoredInbound> claim(Instant now, Instant leaseUntil, int limit) {
    // Oldest first, only a guest's head (no older pending message of the same guest): one probe of
    // inbox_message_pending_idx (sender, id) per candidate. "o.id + 0" keeps the planner off the
    // (id) index for the probe: with stale statistics it would scan every older pending row.
    String sql =
        "WITH due AS (SELECT m.id FROM inbox_message m"
            + " WHERE m.status = 'PENDING' AND m.next_attempt_at <= :now"
            + " AND NOT EXISTS (SELECT 1 FROM inbox_message o WHERE o.sender = m.sender"
            + " AND o.status = 'PENDING' AND o.id + 0 < m.id)"
            + " ORDER BY m.id LIMIT :limit FOR UPDATE OF m SKIP LOCKED),"
            + " leased AS (UPDATE inbox_message m SET next_attempt_at = :lease FROM due"
            + " WHERE m.id = due.id RETURNING m.*)"
            + " SELECT "
            + COLUMNS
            + " FROM leased ORDER BY id";
    return db.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
                .bindByType("lease", ReservationRows.utc(leaseUntil), OffsetDateTime.class)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  @Override
  public void processed(long id, String transcript, Instant at) {
    update(
        "status = 'PROCESSED', attempts = attempts + 1, processed_at = :at,"
            + " transcript = :transcript",
        id,
        at,
        transcript);
  }

  @Override
  public void retry(long id, String error, Instant retryAt) {
    update(
        "attempts = attempts + 1, next_attempt_at = :at, last_error = :error", id, retryAt, error);
  }

  @Override
  public void dead(long id, String error, Instant at) {
    update(
        "status = 'DEAD', attempts = attempts + 1, processed_at = :at, last_error = :error",
        id,
        at,
        error);
  }

  private void update(String set, long id, Instant at, String text) {
    db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE inbox_message SET " + set + " WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                .bind("transcript", text)
                .bind("error", text)
                .execute());
  }

  @Override
  public Optional<StoredInbound> find(long id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM inbox_message WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  @Override
  public List<StoredInbound> fromGuest(String from, int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM (SELECT "
                        + COLUMNS
                        + " FROM inbox_message WHERE sender = :from ORDER BY id DESC"
                        + " LIMIT :limit) latest ORDER BY id")
                .bind("from", from)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  @Override
  public long count(InboxStatus status) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT count(*) FROM inbox_message WHERE status = :status")
                .bind("status", status.name())
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<Instant> oldestPending() {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT min(received_at) AS oldest FROM inbox_message"
                        + " WHERE status = 'PENDING'")
                .map((rs, ctx) -> Optional.ofNullable(ReservationRows.instant(rs, "oldest")))
                .one());
  }

  @Override
  public int prune(Instant before) {
    return db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM inbox_message WHERE status <> 'PENDING'"
                        + " AND received_at < :before")
                .bindByType("before", ReservationRows.utc(before), OffsetDateTime.class)
                .execute());
  }

  private static StoredInbound read(ResultSet rs) throws SQLException {
    String mediaId = rs.getString("media_id");
    InboundMessage.MediaRef media =
        mediaId == null
            ? null
            : new InboundMessage.MediaRef(
                mediaId,
                rs.getString("media_mime_type"),
                rs.getString("media_sha256"),
                rs.getBoolean("media_voice"));
    InboundMessage message =
        new InboundMessage(
            rs.getString("message_id"),
            rs.getString("sender"),
            rs.getString("sender_name"),
            kind(rs.getString("kind")),
            rs.getString("body"),
            rs.getString("choice_id"),
            media,
            ReservationRows.instant(rs, "sent_at"));
    return new StoredInbound(
        rs.getLong("id"),
        message,
        InboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        ReservationRows.instant(rs, "received_at"),
        ReservationRows.instant(rs, "processed_at"),
        rs.getString("transcript"),
        rs.getString("last_error"));
  }

  private static InboundKind kind(String stored) {
    try {
      return InboundKind.valueOf(stored);
    } catch (IllegalArgumentException unknown) {
      return InboundKind.OTHER;
    }
  }
}
