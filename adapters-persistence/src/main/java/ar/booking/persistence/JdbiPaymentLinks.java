package ar.booking.persistence;

import ar.booking.core.payment.PaymentLink;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** {@link PaymentLinks} on PostgreSQL: payment_link, payment_hold_extension, payment_flag. */
final class JdbiPaymentLinks implements PaymentLinks {

  private static final String COLUMNS =
      "reservation_code, url, provider_reference, currency, amount, expires_at";

  private final Database db;

  JdbiPaymentLinks(Database db) {
    this.db = db;
  }

  @Override
  public Optional<PaymentLink> find(ReservationCode code) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM payment_link WHERE reservation_code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  @Override
  public void save(PaymentLink link, Instant at) {
    try {
      db.statement(
          h ->
              h.createUpdate(
                      "INSERT INTO payment_link (reservation_code, url, provider_reference,"
                          + " currency, amount, expires_at, created_at, updated_at)"
                          + " VALUES (:code, :url, :ref, :currency, :amount, :expires, :at, :at)"
                          + " ON CONFLICT (reservation_code) DO UPDATE SET url = excluded.url,"
                          + " provider_reference = excluded.provider_reference,"
                          + " currency = excluded.currency, amount = excluded.amount,"
                          + " expires_at = excluded.expires_at, updated_at = excluded.updated_at")
                  .bind("code", link.code().value())
                  .bind("url", link.url())
                  .bind("ref", link.providerReference())
                  .bind("currency", link.amount().currency().getCurrencyCode())
                  .bind("amount", link.amount().amount())
                  .bindByType(
                      "expires", ReservationRows.utc(link.expiresAt()), OffsetDateTime.class)
                  .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                  .execute());
    } catch (Database.Refused refused) {
      throw refused.unexpected("payment link of " + link.code());
    }
  }

  @Override
  public List<PaymentLink> expiringAfter(Instant after, int limit) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM payment_link WHERE expires_at > :after"
                        + " ORDER BY expires_at, reservation_code LIMIT :limit")
                .bindByType("after", ReservationRows.utc(after), OffsetDateTime.class)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  @Override
  public boolean useHoldExtension(ReservationCode code, Instant at) {
    return insertOnce(
        "INSERT INTO payment_hold_extension (reservation_code, used_at) VALUES (:code, :at)"
            + " ON CONFLICT DO NOTHING",
        code,
        null,
        at);
  }

  @Override
  public boolean flag(ReservationCode code, String reason, Instant at) {
    return insertOnce(
        "INSERT INTO payment_flag (reservation_code, reason, flagged_at)"
            + " VALUES (:code, :reason, :at) ON CONFLICT DO NOTHING",
        code,
        reason,
        at);
  }

  private boolean insertOnce(String sql, ReservationCode code, String reason, Instant at) {
    try {
      return db.statement(
              h -> {
                var update = h.createUpdate(sql).bind("code", code.value());
                if (reason != null) {
                  update.bind("reason", reason);
                }
                return update
                    .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                    .execute();
              })
          == 1;
    } catch (Database.Refused refused) {
      throw refused.unexpected("payment state of " + code);
    }
  }

  @Override
  public Optional<String> flag(ReservationCode code) {
    List<String> reasons =
        db.withHandle(
            h ->
                h.createQuery(
                        "SELECT reason FROM payment_flag WHERE reservation_code = :code"
                            + " ORDER BY flagged_at, reason")
                    .bind("code", code.value())
                    .mapTo(String.class)
                    .list());
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(",", reasons));
  }

  private static PaymentLink read(ResultSet rs) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency").strip());
    return new PaymentLink(
        new ReservationCode(rs.getString("reservation_code")),
        rs.getString("url"),
        new Money(rs.getBigDecimal("amount"), currency),
        ReservationRows.instant(rs, "expires_at"),
        rs.getString("provider_reference"));
  }
}
