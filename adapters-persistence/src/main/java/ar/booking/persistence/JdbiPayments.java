package ar.booking.persistence;

import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentEvents;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.Payments;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link Payments} on PostgreSQL, unique per (provider, provider payment id) under the constraint
 * {@value #UNIQUE}. Recording locks the stored payment, so concurrent reports of one payment (a
 * webhook delivered ten times at once) are applied one after the other.
 */
final class JdbiPayments implements Payments {

  static final String UNIQUE = "payment_provider_payment_unique";

  private static final String COLUMNS =
      "id, provider, provider_payment_id, reservation_code, currency, amount, status,"
          + " refunded_amount, approved_at, created_at, updated_at";

  private final Database db;

  JdbiPayments(Database db) {
    this.db = db;
  }

  @Override
  public RecordOutcome record(Payment payment, String actor) {
    String who = actor == null ? "unknown" : actor;
    try {
      return db.atomically(
          handle -> {
            Optional<Payment> stored = lockedFind(handle, payment);
            if (stored.isEmpty()) {
              Optional<Long> id = insert(handle, payment);
              if (id.isPresent()) {
                Payment created = payment.withId(id.get());
                EventRows.append(
                    handle, PaymentEvents.changed(null, created, who, payment.updatedAt()));
                return new Created(created);
              }
              stored = lockedFind(handle, payment); // someone inserted it a moment ago
            }
            Payment current = stored.orElseThrow();
            if (!current.differsFrom(payment)) {
              return new Unchanged(current);
            }
            Payment changed = current.updatedBy(payment, payment.updatedAt());
            handle
                .createUpdate(
                    "UPDATE payment SET reservation_code = :code, amount = :amount,"
                        + " status = :status, refunded_amount = :refunded,"
                        + " approved_at = :approved_at, updated_at = :updated_at WHERE id = :id")
                .bind("code", code(changed))
                .bind("amount", changed.amount().amount())
                .bind("status", changed.status().name())
                .bind("refunded", changed.refunded().amount())
                .bindByType(
                    "approved_at", ReservationRows.utc(changed.approvedAt()), OffsetDateTime.class)
                .bindByType(
                    "updated_at", ReservationRows.utc(changed.updatedAt()), OffsetDateTime.class)
                .bind("id", changed.id())
                .execute();
            EventRows.append(
                handle, PaymentEvents.changed(current, changed, who, payment.updatedAt()));
            return new Changed(current, changed);
          });
    } catch (Database.Refused refused) {
      throw refused.unexpected("payment " + payment.providerPaymentId());
    }
  }

  private Optional<Long> insert(Handle handle, Payment p) {
    return handle
        .createQuery(
            "INSERT INTO payment (provider, provider_payment_id, reservation_code, currency,"
                + " amount, status, refunded_amount, approved_at, created_at, updated_at)"
                + " VALUES (:provider, :pid, :code, :currency, :amount, :status, :refunded,"
                + " :approved_at, :created_at, :updated_at)"
                + " ON CONFLICT ON CONSTRAINT "
                + UNIQUE
                + " DO NOTHING RETURNING id")
        .bind("provider", p.provider().name())
        .bind("pid", p.providerPaymentId())
        .bind("code", code(p))
        .bind("currency", p.amount().currency().getCurrencyCode())
        .bind("amount", p.amount().amount())
        .bind("status", p.status().name())
        .bind("refunded", p.refunded().amount())
        .bindByType("approved_at", ReservationRows.utc(p.approvedAt()), OffsetDateTime.class)
        .bindByType("created_at", ReservationRows.utc(p.createdAt()), OffsetDateTime.class)
        .bindByType("updated_at", ReservationRows.utc(p.updatedAt()), OffsetDateTime.class)
        .mapTo(Long.class)
        .findOne();
  }

  private static String code(Payment p) {
    return p.reservation().map(ReservationCode::value).orElse(null);
  }

  private static Optional<Payment> lockedFind(Handle handle, Payment p) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM payment WHERE provider = :provider AND provider_payment_id = :pid"
                + " FOR UPDATE")
        .bind("provider", p.provider().name())
        .bind("pid", p.providerPaymentId())
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  @Override
  public Optional<Payment> find(PaymentProvider provider, String providerPaymentId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM payment WHERE provider = :provider AND provider_payment_id = :pid")
                .bind("provider", provider.name())
                .bind("pid", providerPaymentId.strip())
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  @Override
  public List<Payment> ofReservation(ReservationCode code) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM payment WHERE reservation_code = :code ORDER BY id")
                .bind("code", code.value())
                .map((rs, ctx) -> read(rs))
                .list());
  }

  @Override
  public List<Payment> latest(int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM payment ORDER BY id DESC LIMIT :limit")
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> read(rs))
                .list());
  }

  private static Payment read(ResultSet rs) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency").strip());
    String code = rs.getString("reservation_code");
    return new Payment(
        rs.getLong("id"),
        PaymentProvider.valueOf(rs.getString("provider")),
        rs.getString("provider_payment_id"),
        code == null ? null : new ReservationCode(code),
        new Money(rs.getBigDecimal("amount"), currency),
        PaymentStatus.valueOf(rs.getString("status")),
        new Money(rs.getBigDecimal("refunded_amount"), currency),
        ReservationRows.instant(rs, "approved_at"),
        ReservationRows.instant(rs, "created_at"),
        ReservationRows.instant(rs, "updated_at"));
  }
}
