package ar.booking.persistence;

import ar.booking.core.payment.PaymentNotifications;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@link PaymentNotifications} on PostgreSQL's payment_notification: unique on (provider, payment
 * id, action); claimed with {@code FOR UPDATE SKIP LOCKED} by moving the row's next attempt past
 * the lease, so concurrent workers never take the same row.
 */
final class JdbiPaymentNotifications implements PaymentNotifications {

  private static final String PROVIDER = "MERCADO_PAGO";
  private static final int MAX_ERROR = 2000;

  private final Database db;

  JdbiPaymentNotifications(Database db) {
    this.db = db;
  }

  @Override
  public boolean record(
      String providerPaymentId, String action, String requestId, String rawBody, Instant at) {
    return db.statement(
        h ->
            h.createQuery(
                    "INSERT INTO payment_notification (provider, provider_payment_id, action,"
                        + " request_id, raw_body, received_at, next_attempt_at)"
                        + " VALUES (:provider, :pid, :action, :rid, :body, :at, :at)"
                        + " ON CONFLICT (provider, provider_payment_id, action) DO UPDATE"
                        + " SET processed_at = NULL, next_attempt_at = excluded.received_at"
                        + " WHERE payment_notification.processed_at IS NOT NULL"
                        + " RETURNING (xmax = 0) AS inserted")
                .bind("provider", PROVIDER)
                .bind("pid", providerPaymentId)
                .bind("action", action)
                .bind("rid", requestId)
                .bind("body", rawBody)
                .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
  }

  @Override
  public List<Pending> claim(Instant now, Instant leaseUntil, int limit) {
    return db.atomically(
        h ->
            h
                .createQuery(
                    "UPDATE payment_notification n SET next_attempt_at = :lease,"
                        + " attempts = n.attempts + 1 FROM (SELECT id FROM payment_notification"
                        + " WHERE processed_at IS NULL AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) due"
                        + " WHERE n.id = due.id"
                        + " RETURNING n.id, n.provider_payment_id, n.action, n.attempts")
                .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
                .bindByType("lease", ReservationRows.utc(leaseUntil), OffsetDateTime.class)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Pending(
                            rs.getLong("id"),
                            rs.getString("provider_payment_id"),
                            rs.getString("action"),
                            rs.getInt("attempts")))
                .list()
                .stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList());
  }

  @Override
  public void processed(long id, String outcome, Instant at) {
    db.statement(
        h ->
            h.createUpdate(
                    "UPDATE payment_notification SET processed_at = :at, outcome = :outcome,"
                        + " last_error = NULL WHERE id = :id")
                .bind("id", id)
                .bind("outcome", outcome)
                .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                .execute());
  }

  @Override
  public void failed(long id, String error, Instant retryAt) {
    String text = error == null ? "unknown" : error;
    db.statement(
        h ->
            h.createUpdate(
                    "UPDATE payment_notification SET next_attempt_at = :retry, last_error = :error"
                        + " WHERE id = :id AND processed_at IS NULL")
                .bind("id", id)
                .bind("error", text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text)
                .bindByType("retry", ReservationRows.utc(retryAt), OffsetDateTime.class)
                .execute());
  }

  @Override
  public long unprocessed() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM payment_notification WHERE processed_at IS NULL")
                .mapTo(Long.class)
                .one());
  }
}
