package ar.booking.persistence;

import ar.booking.core.event.Delivery;
import ar.booking.core.event.DeliveryStatus;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@link EventLog} on PostgreSQL: {@code domain_event} rows written in the writer's transaction,
 * one {@code event_delivery} row per registered subscriber. Claims lock with {@code FOR UPDATE SKIP
 * LOCKED} and lease by moving {@code next_attempt_at}, so several dispatchers never hand the same
 * delivery out at once, and a crashed one's work comes back when its lease runs out.
 */
final class JdbiEventLog implements EventLog {

  private static final String DELIVERY_COLUMNS =
      EventRows.EVENT_COLUMNS
          + ", d.subscriber, d.status, d.attempts, d.next_attempt_at, d.last_error";

  private final Database db;

  JdbiEventLog(Database db) {
    this.db = db;
  }

  @Override
  public void append(DomainEvent event) {
    db.statement(
        handle -> {
          EventRows.append(handle, event);
          return null;
        });
  }

  @Override
  public void register(String subscriber) {
    db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO event_subscriber (name) VALUES (:name) ON CONFLICT DO NOTHING")
                .bind("name", subscriber)
                .execute());
  }

  @Override
  public List<Delivery> claim(String subscriber, Instant now, Instant leaseUntil, int limit) {
    // The head of each stream is its oldest pending delivery; only a due head may be claimed.
    String sql =
        "WITH heads AS (SELECT DISTINCT ON (stream) event_id FROM event_delivery"
            + " WHERE subscriber = :s AND status = 'PENDING' ORDER BY stream, event_id),"
            + " due AS (SELECT d.event_id FROM event_delivery d JOIN heads h USING (event_id)"
            + " WHERE d.subscriber = :s AND d.status = 'PENDING' AND d.next_attempt_at <= :now"
            + " ORDER BY d.event_id LIMIT :limit FOR UPDATE OF d SKIP LOCKED),"
            + " leased AS (UPDATE event_delivery d SET next_attempt_at = :lease FROM due"
            + " WHERE d.subscriber = :s AND d.event_id = due.event_id RETURNING d.*)"
            + " SELECT "
            + DELIVERY_COLUMNS
            + " FROM leased d JOIN domain_event e ON e.id = d.event_id ORDER BY e.id";
    return db.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .bind("s", subscriber)
                .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
                .bindByType("lease", ReservationRows.utc(leaseUntil), OffsetDateTime.class)
                .bind("limit", limit)
                .map((rs, ctx) -> EventRows.delivery(rs))
                .list());
  }

  @Override
  public void delivered(long eventId, String subscriber, Instant at) {
    change(
        "status = 'DELIVERED', delivered_at = :at, last_error = NULL",
        eventId,
        subscriber,
        at,
        null);
  }

  @Override
  public void failed(long eventId, String subscriber, String error, Instant retryAt) {
    change(
        "attempts = attempts + 1, next_attempt_at = :at, last_error = :error",
        eventId,
        subscriber,
        retryAt,
        error);
  }

  @Override
  public void dead(long eventId, String subscriber, String error, Instant at) {
    change(
        "status = 'DEAD', attempts = attempts + 1, next_attempt_at = :at, last_error = :error",
        eventId,
        subscriber,
        at,
        error);
  }

  private void change(String set, long eventId, String subscriber, Instant at, String error) {
    int rows =
        db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE event_delivery SET "
                            + set
                            + " WHERE event_id = :id AND subscriber = :s")
                    .bind("id", eventId)
                    .bind("s", subscriber)
                    .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                    .bind("error", error)
                    .execute());
    if (rows != 1) {
      throw new IllegalArgumentException("no delivery of event " + eventId + " to " + subscriber);
    }
  }

  @Override
  public boolean retry(long eventId, String subscriber, Instant now) {
    return db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE event_delivery SET status = 'PENDING', attempts = 0,"
                            + " next_attempt_at = :now WHERE event_id = :id AND subscriber = :s"
                            + " AND status = 'DEAD'")
                    .bind("id", eventId)
                    .bind("s", subscriber)
                    .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
                    .execute())
        == 1;
  }

  @Override
  public List<Delivery> deliveries(DeliveryStatus status, int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + DELIVERY_COLUMNS
                        + " FROM event_delivery d JOIN domain_event e ON e.id = d.event_id"
                        + " WHERE d.status = :status ORDER BY d.event_id DESC, d.subscriber"
                        + " LIMIT :limit")
                .bind("status", status.name())
                .bind("limit", limit)
                .map((rs, ctx) -> EventRows.delivery(rs))
                .list());
  }

  @Override
  public long count(DeliveryStatus status) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT count(*) FROM event_delivery WHERE status = :status")
                .bind("status", status.name())
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<DomainEvent> stream(String stream) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + EventRows.EVENT_COLUMNS
                        + " FROM domain_event e WHERE e.stream = :stream ORDER BY e.id")
                .bind("stream", stream)
                .map((rs, ctx) -> EventRows.event(rs))
                .list());
  }

  @Override
  public int prune(Instant before) {
    return db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM domain_event e WHERE e.occurred_at < :before AND NOT EXISTS"
                        + " (SELECT 1 FROM event_delivery d WHERE d.event_id = e.id"
                        + " AND d.status <> 'DELIVERED')")
                .bindByType("before", ReservationRows.utc(before), OffsetDateTime.class)
                .execute());
  }
}
