package ar.booking.persistence;

import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.DeliveryState;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link Outbox} on PostgreSQL: one {@code outbox_message} row per key (a second enqueue of the
 * same promise hits the unique key and writes nothing), joining the caller's unit of work. A claim
 * takes the head of each recipient (the oldest pending message of the channel) when it is due, with
 * {@code FOR UPDATE SKIP LOCKED}, leased through its next attempt. Delivery reports only move
 * forward ({@link DeliveryState#mayBecome}), checked in the UPDATE itself.
 */
final class JdbiOutbox implements Outbox {

  private static final String COLUMNS =
      "id, dedup_key, channel, recipient, purpose, content_kind, body, extra, html, choice_ids,"
          + " choice_titles, choice_descriptions, status, attempts, next_attempt_at,"
          + " provider_message_id, delivery_status, delivery_status_at, last_error, created_at,"
          + " sent_at";

  private final Database db;

  JdbiOutbox(Database db) {
    this.db = db;
  }

  @Override
  public boolean enqueue(OutboundMessage message) {
    Row row = Row.of(message.content());
    return db.atomically(
        handle -> {
          Optional<Long> id =
              handle
                  .createQuery(
                      "INSERT INTO outbox_message (dedup_key, channel, recipient, purpose,"
                          + " content_kind, body, extra, html, choice_ids, choice_titles,"
                          + " choice_descriptions, plain_text, next_attempt_at, created_at)"
                          + " VALUES (:key, :channel, :recipient, :purpose, :kind, :body, :extra,"
                          + " :html, :ids, :titles, :descriptions, :plain, :at, :at)"
                          + " ON CONFLICT ON CONSTRAINT outbox_message_key_unique DO NOTHING"
                          + " RETURNING id")
                  .bind("key", message.key())
                  .bind("channel", message.channel().name())
                  .bind("recipient", message.recipient())
                  .bind("purpose", message.purpose())
                  .bind("kind", row.kind)
                  .bind("body", row.body)
                  .bind("extra", row.extra)
                  .bind("html", row.html)
                  .bindArray("ids", String.class, row.ids)
                  .bindArray("titles", String.class, row.titles)
                  .bindArray("descriptions", String.class, row.descriptions)
                  .bind("plain", message.content().plainText())
                  .bindByType("at", ReservationRows.utc(message.createdAt()), OffsetDateTime.class)
                  .mapTo(Long.class)
                  .findOne();
          if (id.isEmpty()) {
            return false;
          }
          if (message.content() instanceof MessageContent.Email email) {
            int position = 0;
            for (MessageContent.Attachment a : email.attachments()) {
              handle
                  .createUpdate(
                      "INSERT INTO outbox_attachment (outbox_id, position, filename,"
                          + " content_type, data) VALUES (:id, :position, :name, :type, :data)")
                  .bind("id", id.get())
                  .bind("position", position++)
                  .bind("name", a.filename())
                  .bind("type", a.contentType())
                  .bind("data", a.data())
                  .execute();
            }
          }
          return true;
        });
  }

  @Override
  public List<QueuedMessage> claim(
      MessageChannel channel, Instant now, Instant leaseUntil, int limit) {
    // Oldest first, only a recipient's head (no older pending message to them on the channel), by a
    // probe of outbox_message_pending_idx; "o.id + 0" keeps the planner off the (id) index there.
    String sql =
        "WITH due AS (SELECT m.id FROM outbox_message m"
            + " WHERE m.status = 'PENDING' AND m.channel = :channel AND m.next_attempt_at <= :now"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.channel = m.channel"
            + " AND o.recipient = m.recipient AND o.status = 'PENDING' AND o.id + 0 < m.id)"
            + " ORDER BY m.id LIMIT :limit FOR UPDATE OF m SKIP LOCKED),"
            + " leased AS (UPDATE outbox_message m SET next_attempt_at = :lease FROM due"
            + " WHERE m.id = due.id RETURNING m.*)"
            + " SELECT "
            + COLUMNS
            + " FROM leased ORDER BY id";
    return db.withHandle(
        handle ->
            withAttachments(
                handle,
                handle
                    .createQuery(sql)
                    .bind("channel", channel.name())
                    .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
                    .bindByType("lease", ReservationRows.utc(leaseUntil), OffsetDateTime.class)
                    .bind("limit", limit)
                    .map((rs, ctx) -> read(rs))
                    .list()));
  }

  @Override
  public void sent(long id, String providerMessageId, Instant at) {
    db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE outbox_message SET status = 'SENT', attempts = attempts + 1,"
                        + " provider_message_id = :pid, sent_at = :at,"
                        + " delivery_status = coalesce(delivery_status, 'ACCEPTED'),"
                        + " delivery_status_at = coalesce(delivery_status_at, :at)"
                        + " WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("pid", providerMessageId)
                .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                .execute());
  }

  @Override
  public void retry(long id, String error, Instant retryAt) {
    end(id, "PENDING", error, retryAt);
  }

  @Override
  public void dead(long id, String error, Instant at) {
    end(id, "DEAD", error, at);
  }

  private void end(long id, String status, String error, Instant at) {
    db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE outbox_message SET status = :status, attempts = attempts + 1,"
                        + " next_attempt_at = :at, last_error = :error"
                        + " WHERE id = :id AND status = 'PENDING'")
                .bind("id", id)
                .bind("status", status)
                .bind("error", error)
                .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                .execute());
  }

  @Override
  public boolean resend(long id, Instant now) {
    return db.withHandle(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE outbox_message SET status = 'PENDING', attempts = 0,"
                            + " next_attempt_at = :now WHERE id = :id AND status = 'DEAD'")
                    .bind("id", id)
                    .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
                    .execute()
                > 0);
  }

  @Override
  public boolean recordDelivery(
      String providerMessageId, DeliveryState state, Instant at, String error) {
    List<String> earlier =
        Arrays.stream(DeliveryState.values())
            .filter(s -> s != DeliveryState.FAILED && s.mayBecome(state))
            .map(Enum::name)
            .toList();
    if (earlier.isEmpty()) {
      return false;
    }
    return db.withHandle(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE outbox_message SET delivery_status = :state,"
                            + " delivery_status_at = :at,"
                            + " last_error = coalesce(:error, last_error)"
                            + " WHERE provider_message_id = :pid AND (delivery_status IS NULL"
                            + " OR delivery_status = ANY(CAST(:earlier AS text[])))")
                    .bind("pid", providerMessageId)
                    .bind("state", state.name())
                    .bind("error", error)
                    .bindArray("earlier", String.class, earlier)
                    .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                    .execute()
                > 0);
  }

  @Override
  public Optional<QueuedMessage> find(long id) {
    return db.withHandle(
        handle ->
            withAttachments(
                    handle,
                    handle
                        .createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> read(rs))
                        .list())
                .stream()
                .findFirst());
  }

  @Override
  public List<QueuedMessage> toRecipient(String recipient, int limit) {
    return db.withHandle(
        handle ->
            withAttachments(
                handle,
                handle
                    .createQuery(
                        "SELECT * FROM (SELECT "
                            + COLUMNS
                            + " FROM outbox_message WHERE recipient = :recipient"
                            + " ORDER BY id DESC LIMIT :limit) latest ORDER BY id")
                    .bind("recipient", recipient)
                    .bind("limit", limit)
                    .map((rs, ctx) -> read(rs))
                    .list()));
  }

  @Override
  public List<QueuedMessage> inStatus(OutboxStatus status, int limit) {
    return db.withHandle(
        handle ->
            withAttachments(
                handle,
                handle
                    .createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM outbox_message WHERE status = :status"
                            + " ORDER BY id DESC LIMIT :limit")
                    .bind("status", status.name())
                    .bind("limit", limit)
                    .map((rs, ctx) -> read(rs))
                    .list()));
  }

  @Override
  public long count(OutboxStatus status) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT count(*) FROM outbox_message WHERE status = :status")
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
                    "SELECT min(created_at) AS oldest FROM outbox_message"
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
                    "DELETE FROM outbox_message WHERE status <> 'PENDING'"
                        + " AND created_at < :before")
                .bindByType("before", ReservationRows.utc(before), OffsetDateTime.class)
                .execute());
  }

  /** Reads back the e-mail attachments of the e-mails among {@code rows}. */
  private static List<QueuedMessage> withAttachments(Handle handle, List<QueuedMessage> rows) {
    List<Long> emails =
        rows.stream()
            .filter(q -> q.message().content() instanceof MessageContent.Email)
            .map(QueuedMessage::id)
            .toList();
    if (emails.isEmpty()) {
      return rows;
    }
    Map<Long, List<MessageContent.Attachment>> byMessage = new HashMap<>();
    handle
        .createQuery(
            "SELECT outbox_id, filename, content_type, data FROM outbox_attachment"
                + " WHERE outbox_id = ANY(CAST(:ids AS bigint[])) ORDER BY outbox_id, position")
        .bindArray("ids", Long.class, emails)
        .map(
            (rs, ctx) -> {
              byMessage
                  .computeIfAbsent(rs.getLong("outbox_id"), k -> new ArrayList<>())
                  .add(
                      new MessageContent.Attachment(
                          rs.getString("filename"),
                          rs.getString("content_type"),
                          rs.getBytes("data")));
              return 0;
            })
        .list();
    if (byMessage.isEmpty()) {
      return rows;
    }
    List<QueuedMessage> complete = new ArrayList<>();
    for (QueuedMessage q : rows) {
      List<MessageContent.Attachment> files = byMessage.get(q.id());
      if (files == null) {
        complete.add(q);
        continue;
      }
      MessageContent.Email e = (MessageContent.Email) q.message().content();
      OutboundMessage m = q.message();
      OutboundMessage withFiles =
          new OutboundMessage(
              m.key(),
              m.channel(),
              m.recipient(),
              new MessageContent.Email(e.subject(), e.text(), e.html(), files),
              m.purpose(),
              m.createdAt());
      complete.add(
          new QueuedMessage(
              q.id(),
              withFiles,
              q.status(),
              q.attempts(),
              q.nextAttemptAt(),
              q.providerMessageId(),
              q.delivery(),
              q.deliveryAt(),
              q.lastError(),
              q.sentAt()));
    }
    return complete;
  }

  private static QueuedMessage read(ResultSet rs) throws SQLException {
    OutboundMessage message =
        new OutboundMessage(
            rs.getString("dedup_key"),
            MessageChannel.valueOf(rs.getString("channel")),
            rs.getString("recipient"),
            content(rs),
            rs.getString("purpose"),
            ReservationRows.instant(rs, "created_at"));
    String delivery = rs.getString("delivery_status");
    return new QueuedMessage(
        rs.getLong("id"),
        message,
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        ReservationRows.instant(rs, "next_attempt_at"),
        rs.getString("provider_message_id"),
        delivery == null ? null : DeliveryState.valueOf(delivery),
        ReservationRows.instant(rs, "delivery_status_at"),
        rs.getString("last_error"),
        ReservationRows.instant(rs, "sent_at"));
  }

  private static MessageContent content(ResultSet rs) throws SQLException {
    String body = rs.getString("body");
    String extra = rs.getString("extra");
    return switch (rs.getString("content_kind")) {
      case "TEXT" -> new MessageContent.Text(body);
      case "BUTTONS" -> new MessageContent.Buttons(body, extra, choices(rs));
      case "LIST" -> new MessageContent.ChoiceList(body, extra, choices(rs));
      default -> new MessageContent.Email(extra, body, rs.getString("html"), List.of());
    };
  }

  private static List<Choice> choices(ResultSet rs) throws SQLException {
    String[] ids = (String[]) rs.getArray("choice_ids").getArray();
    String[] titles = (String[]) rs.getArray("choice_titles").getArray();
    String[] descriptions = (String[]) rs.getArray("choice_descriptions").getArray();
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      choices.add(new Choice(ids[i], titles[i], i < descriptions.length ? descriptions[i] : null));
    }
    return choices;
  }

  /** The content of a message as column values. */
  private record Row(
      String kind,
      String body,
      String extra,
      String html,
      List<String> ids,
      List<String> titles,
      List<String> descriptions) {

    static Row of(MessageContent content) {
      return switch (content) {
        case MessageContent.Text t ->
            new Row("TEXT", t.body(), null, null, List.of(), List.of(), List.of());
        case MessageContent.Buttons b -> choices("BUTTONS", b.body(), b.footer(), b.choices());
        case MessageContent.ChoiceList l -> choices("LIST", l.body(), l.button(), l.choices());
        case MessageContent.Email e ->
            new Row("EMAIL", e.text(), e.subject(), e.html(), List.of(), List.of(), List.of());
      };
    }

    private static Row choices(String kind, String body, String extra, List<Choice> choices) {
      return new Row(
          kind,
          body,
          extra,
          null,
          choices.stream().map(Choice::id).toList(),
          choices.stream().map(Choice::title).toList(),
          choices.stream().map(Choice::description).toList());
    }
  }
}
