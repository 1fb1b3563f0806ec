package ar.booking.persistence;

import ar.booking.core.accommodation.NightKind;
import ar.booking.core.accommodation.NightPrice;
import ar.booking.core.accommodation.Quote;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL and row mapping of reservations; the domain types know nothing of this. */
final class ReservationRows {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ReservationRows.class);

  /** Must read exactly like the exclusion constraint's predicate so its index serves reads. */
  static final String ACTIVE = "status IN ('PRE_RESERVED', 'CONFIRMED', 'COMPLETED', 'BLOCKED')";

  /** What a booking's approved payments add up to, less refunds: never stored, always derived. */
  static final String AMOUNT_PAID =
      "(SELECT coalesce(sum(p.amount - p.refunded_amount), 0) FROM payment p"
          + " WHERE p.reservation_code = reservation.code AND p.status = 'APPROVED'"
          + " AND p.currency = reservation.currency)";

  private static final String STORED_COLUMNS =
      "code, accommodation_id, check_in, check_out, kind, status, guests, guest_name,"
          + " guest_whatsapp_id, guest_phone, guest_email, channel, currency, subtotal,"
          + " cleaning_fee, total, deposit_percentage, deposit, balance,"
          + " hold_expires_at, external_uid, note, created_at, updated_at, version";

  /** The columns a reservation is read from (selected from {@code reservation}). */
  static final String COLUMNS = STORED_COLUMNS + ", " + AMOUNT_PAID + " AS amount_paid";

  static final String BUSY_COLUMNS =
      "code, accommodation_id, check_in, check_out, kind, status, channel";

  /** Advisory-lock namespace of "writing the occupancy of a unit" (the key is the unit id). */
  static final int UNIT_LOCK_NAMESPACE = 7310;

  /**
   * Serialises the occupancy writes of one unit inside PostgreSQL until the transaction ends, so
   * two writers of overlapping nights never deadlock on each other's uncommitted rows: the second
   * waits for the first to commit, then the exclusion constraint refuses it at once.
   */
  static final String UNIT_LOCK =
      "SELECT pg_advisory_xact_lock("
          + UNIT_LOCK_NAMESPACE
          + ", CAST(:accommodation_id % 2147483647 AS integer))";

  /**
   * One round trip: the row (unless the code is taken), its nights, the audit entry and the domain
   * event with its deliveries. Answers 1 when stored, 0 when the code was taken; an overlap fails
   * with SQLState 23P01.
   */
  static final String INSERT =
      "WITH r AS (INSERT INTO reservation ("
          + STORED_COLUMNS
          + ") SELECT :code, :accommodation_id, :check_in, :check_out, :kind, :status, :guests,"
          + " :guest_name, :guest_whatsapp_id, :guest_phone, :guest_email, :channel, :currency,"
          + " :subtotal, :cleaning_fee, :total, :deposit_percentage, :deposit, :balance,"
          + " :hold_expires_at, :external_uid, :note, :created_at, :updated_at, 1"
          + " FROM ("
          + UNIT_LOCK
          + ") unit_lock ON CONFLICT (code) DO NOTHING RETURNING code),"
          + " n AS (INSERT INTO reservation_night (reservation_code, night, price, night_kind,"
          + " season) SELECT r.code, CAST(x.night AS date), CAST(x.price AS numeric), x.kind,"
          + " x.season FROM r, unnest(CAST(:nights AS text[]), CAST(:prices AS text[]),"
          + " CAST(:kinds AS text[]), CAST(:seasons AS text[])) AS x(night, price, kind, season)),"
          + " a AS (INSERT INTO reservation_status_change (reservation_code, from_status,"
          + " to_status, actor) SELECT r.code, NULL, :status, :actor FROM r),"
          + EventRows.appendFrom("r")
          + " SELECT count(*) FROM r";

  /**
   * One round trip: the compare-and-set on the version, the audit entry and the domain event with
   * its deliveries. Never writes the nights, the price or the amount paid. Answers 1 when written.
   */
  static final String UPDATE =
      "WITH u AS (UPDATE reservation SET check_in = :check_in, check_out = :check_out,"
          + " status = :status, guests = :guests, guest_name = :guest_name,"
          + " guest_whatsapp_id = :guest_whatsapp_id, guest_phone = :guest_phone,"
          + " guest_email = :guest_email, hold_expires_at = :hold_expires_at,"
          + " external_uid = :external_uid, note = :note, updated_at = :updated_at,"
          + " version = version + 1 WHERE code = :code AND version = :version RETURNING code),"
          + " a AS (INSERT INTO reservation_status_change (reservation_code, from_status,"
          + " to_status, actor) SELECT u.code, :from_status, :status, :actor FROM u),"
          + EventRows.appendFrom("u")
          + " SELECT count(*) FROM u";

  private ReservationRows() {}

  static <S extends SqlStatement<S>> S bind(S statement, Reservation r) {
    Quote q = r.quote();
    Currency currency =
        q != null
            ? q.total().currency()
            : r.amountPaid() != null ? r.amountPaid().currency() : null;
    return statement
        .bind("code", r.code().value())
        .bind("accommodation_id", r.accommodationId().value())
        .bind("check_in", r.period().checkIn())
        .bind("check_out", r.period().checkOut())
        .bind("kind", r.kind().name())
        .bind("status", r.status().name())
        .bind("guests", r.guests() == null ? null : r.guests().value())
        .bind("guest_name", r.contact().name())
        .bind("guest_whatsapp_id", r.contact().whatsappId())
        .bind("guest_phone", r.contact().phone())
        .bind("guest_email", r.contact().email())
        .bind("channel", r.channel().name())
        .bind("currency", currency == null ? null : currency.getCurrencyCode())
        .bind("subtotal", q == null ? null : q.subtotal().amount())
        .bind("cleaning_fee", q == null ? null : q.cleaningFee().amount())
        .bind("total", q == null ? null : q.total().amount())
        .bind("deposit_percentage", q == null ? null : q.depositPercentage())
        .bind("deposit", q == null ? null : q.deposit().amount())
        .bind("balance", q == null ? null : q.balance().amount())
        .bindByType("hold_expires_at", utc(r.holdExpiresAt()), OffsetDateTime.class)
        .bind("external_uid", r.externalUid())
        .bind("note", r.note())
        .bindByType("created_at", utc(r.createdAt()), OffsetDateTime.class)
        .bindByType("updated_at", utc(r.updatedAt()), OffsetDateTime.class)
        .bind("version", r.version());
  }

  /** Binds the nights of the quote as parallel arrays for {@link #INSERT}. */
  static <S extends SqlStatement<S>> S bindNights(S statement, Reservation r) {
    List<NightPrice> nights = r.quote() == null ? List.of() : r.quote().nights();
    return statement
        .bindArray("nights", String.class, nights.stream().map(n -> n.night().toString()).toList())
        .bindArray(
            "prices",
            String.class,
            nights.stream().map(n -> n.price().amount().toPlainString()).toList())
        .bindArray("kinds", String.class, nights.stream().map(n -> n.kind().name()).toList())
        .bindArray("seasons", String.class, nights.stream().map(NightPrice::season).toList());
  }

  static void insertNights(Handle handle, Reservation r) {
    if (r.quote() == null) {
      return;
    }
    var batch =
        handle.prepareBatch(
            "INSERT INTO reservation_night (reservation_code, night, price, night_kind, season)"
                + " VALUES (:code, :night, :price, :kind, :season)");
    for (NightPrice night : r.quote().nights()) {
      batch
          .bind("code", r.code().value())
          .bind("night", night.night())
          .bind("price", night.price().amount())
          .bind("kind", night.kind().name())
          .bind("season", night.season())
          .add();
    }
    batch.execute();
  }

  static void audit(
      Handle handle,
      ReservationCode code,
      ReservationStatus from,
      ReservationStatus to,
      String actor) {
    handle
        .createUpdate(
            "INSERT INTO reservation_status_change (reservation_code, from_status, to_status,"
                + " actor) VALUES (:code, :from, :to, :actor)")
        .bind("code", code.value())
        .bind("from", from == null ? null : from.name())
        .bind("to", to.name())
        .bind("actor", actor == null ? "unknown" : actor)
        .execute();
  }

  /**
   * Loads full reservations for rows selected by {@code sql} (which must select COLUMNS). A row
   * that cannot be read back into a valid reservation (an unknown status written by a newer
   * version, a value the domain now refuses) is skipped, logged with its code and counted, so one
   * bad row never breaks a list or a job.
   */
  static List<Reservation> load(
      Handle handle, String sql, Map<String, Object> params, Database db) {
    var query = handle.createQuery(sql);
    params.forEach(query::bind);
    List<Row> rows =
        query
            .map(
                (rs, ctx) -> {
                  try {
                    return Row.read(rs);
                  } catch (RuntimeException e) {
                    unreadable(db, rs.getString("code"), e);
                    return null;
                  }
                })
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> withQuote =
        rows.stream().filter(row -> row.total != null).map(row -> row.code).toList();
    Map<String, Currency> currencies = new HashMap<>();
    rows.forEach(row -> currencies.put(row.code, row.currency));
    Map<String, List<NightPrice>> nights = new HashMap<>();
    if (!withQuote.isEmpty()) {
      handle
          .createQuery(
              "SELECT reservation_code, night, price, night_kind, season FROM reservation_night"
                  + " WHERE reservation_code = ANY(:codes) ORDER BY reservation_code, night")
          .bindArray("codes", String.class, withQuote)
          .map(
              (rs, ctx) -> {
                String code = rs.getString(1);
                NightPrice night = nightOf(rs, currencies.get(code));
                nights.computeIfAbsent(code, k -> new ArrayList<>()).add(night);
                return night;
              })
          .list();
    }
    List<Reservation> loaded = new ArrayList<>(rows.size());
    for (Row row : rows) {
      try {
        loaded.add(row.toReservation(nights.get(row.code)));
      } catch (RuntimeException e) {
        unreadable(db, row.code, e);
      }
    }
    return loaded;
  }

  private static void unreadable(Database db, String code, RuntimeException e) {
    db.unreadableRow();
    log.error("Skipping reservation {}: its stored row is not a valid reservation: {}", code, e);
  }

  private static NightPrice nightOf(ResultSet rs, Currency currency) throws SQLException {
    return new NightPrice(
        rs.getObject(2, LocalDate.class),
        new Money(rs.getBigDecimal(3), currency),
        NightKind.valueOf(rs.getString(4)),
        rs.getString(5));
  }

  static BusyPeriod busy(ResultSet rs) throws SQLException {
    return new BusyPeriod(
        new ReservationCode(rs.getString("code")),
        new AccommodationId(rs.getLong("accommodation_id")),
        new StayPeriod(
            rs.getObject("check_in", LocalDate.class), rs.getObject("check_out", LocalDate.class)),
        OccupancyKind.valueOf(rs.getString("kind")),
        ReservationStatus.valueOf(rs.getString("status")),
        Channel.valueOf(rs.getString("channel")));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Map<String, Object> params(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** One reservation row before its nights are attached. */
  private record Row(
      String code,
      long unit,
      LocalDate checkIn,
      LocalDate checkOut,
      OccupancyKind kind,
      ReservationStatus status,
      Integer guests,
      GuestContact contact,
      Channel channel,
      Currency currency,
      BigDecimal subtotal,
      BigDecimal cleaningFee,
      BigDecimal total,
      Integer depositPercentage,
      BigDecimal deposit,
      BigDecimal balance,
      BigDecimal amountPaid,
      Instant holdExpiresAt,
      String externalUid,
      String note,
      Instant createdAt,
      Instant updatedAt,
      long version) {

    static Row read(ResultSet rs) throws SQLException {
      String currency = rs.getString("currency");
      return new Row(
          rs.getString("code"),
          rs.getLong("accommodation_id"),
          rs.getObject("check_in", LocalDate.class),
          rs.getObject("check_out", LocalDate.class),
          OccupancyKind.valueOf(rs.getString("kind")),
          ReservationStatus.valueOf(rs.getString("status")),
          rs.getObject("guests", Integer.class),
          new GuestContact(
              rs.getString("guest_name"),
              rs.getString("guest_whatsapp_id"),
              rs.getString("guest_phone"),
              rs.getString("guest_email")),
          Channel.valueOf(rs.getString("channel")),
          currency == null ? null : Currency.getInstance(currency.strip()),
          rs.getBigDecimal("subtotal"),
          rs.getBigDecimal("cleaning_fee"),
          rs.getBigDecimal("total"),
          rs.getObject("deposit_percentage", Integer.class),
          rs.getBigDecimal("deposit"),
          rs.getBigDecimal("balance"),
          rs.getBigDecimal("amount_paid"),
          instant(rs, "hold_expires_at"),
          rs.getString("external_uid"),
          rs.getString("note"),
          instant(rs, "created_at"),
          instant(rs, "updated_at"),
          rs.getLong("version"));
    }

    Reservation toReservation(List<NightPrice> nights) {
      StayPeriod period = new StayPeriod(checkIn, checkOut);
      Quote quote =
          total == null
              ? null
              : new Quote(
                  period,
                  nights == null ? List.of() : nights,
                  money(subtotal),
                  money(cleaningFee),
                  money(total),
                  depositPercentage,
                  money(deposit),
                  money(balance));
      return new Reservation(
          new ReservationCode(code),
          new AccommodationId(unit),
          period,
          kind,
          status,
          guests == null ? null : new GuestCount(guests),
          contact,
          channel,
          quote,
          total == null ? null : money(amountPaid),
          holdExpiresAt,
          externalUid,
          note,
          createdAt,
          updatedAt,
          version);
    }

    private Money money(BigDecimal amount) {
      return amount == null ? null : new Money(amount, currency);
    }
  }
}
