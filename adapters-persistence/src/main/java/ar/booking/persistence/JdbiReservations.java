package ar.booking.persistence;

import static ar.booking.persistence.ReservationRows.ACTIVE;
import static ar.booking.persistence.ReservationRows.BUSY_COLUMNS;
import static ar.booking.persistence.ReservationRows.COLUMNS;
import static ar.booking.persistence.ReservationRows.params;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.event.ReservationEvents;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.StorageFailure;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Reservations} on PostgreSQL. The no-overlap rule is the table's exclusion constraint; a
 * write it refuses (SQLState 23P01 on {@value #NO_DOUBLE_BOOKING}) is rolled back to a savepoint
 * and answered with {@link Overlap}. Every write records its domain event in the same statement,
 * and every update is a compare-and-set on the row's version.
 */
final class JdbiReservations implements Reservations {

  static final String NO_DOUBLE_BOOKING = "reservation_no_double_booking";
  static final String PRIMARY_KEY = "reservation_pkey";

  private final Database db;

  JdbiReservations(Database db) {
    this.db = db;
  }

  @Override
  public InsertOutcome insert(Reservation reservation, String actor) {
    Objects.requireNonNull(reservation, "reservation");
    Reservation stored = reservation.withVersion(1);
    String who = actor == null ? "unknown" : actor;
    try {
      return db.statement(
          handle -> {
            int written =
                EventRows.bind(
                        ReservationRows.bindNights(
                                ReservationRows.bind(
                                    handle.createQuery(ReservationRows.INSERT), stored),
                                stored)
                            .bind("actor", who),
                        ReservationEvents.created(stored, who, stored.updatedAt()))
                    .mapTo(Integer.class)
                    .one();
            return written == 0
                ? new DuplicateCode(reservation.code())
                : new Inserted(stored.withAmountPaid(zeroPaid(stored)));
          });
    } catch (Database.Refused refused) {
      if (refused.isOverlap(NO_DOUBLE_BOOKING)) {
        return new Overlap(conflicts(reservation));
      }
      if (refused.isDuplicate(PRIMARY_KEY)) {
        return new DuplicateCode(reservation.code());
      }
      throw refused.unexpected("reservation " + reservation.code());
    }
  }

  @Override
  public UpdateOutcome update(Reservation updated, String actor) {
    Objects.requireNonNull(updated, "updated");
    String who = actor == null ? "unknown" : actor;
    try {
      return db.atomically(
          handle -> {
            // Serialise with every other occupancy write of the unit, then lock the row.
            Optional<Current> found =
                handle
                    .createQuery(
                        "SELECT accommodation_id, kind, status, version, check_in, check_out, "
                            + ReservationRows.AMOUNT_PAID
                            + " AS amount_paid FROM reservation, ("
                            + ReservationRows.UNIT_LOCK
                            + ") unit_lock WHERE code = :code FOR NO KEY UPDATE OF reservation")
                    .bind("code", updated.code().value())
                    .bind("accommodation_id", updated.accommodationId().value())
                    .map(
                        (rs, ctx) ->
                            new Current(
                                rs.getLong("accommodation_id"),
                                OccupancyKind.valueOf(rs.getString("kind")),
                                ReservationStatus.valueOf(rs.getString("status")),
                                rs.getLong("version"),
                                new StayPeriod(
                                    rs.getObject("check_in", LocalDate.class),
                                    rs.getObject("check_out", LocalDate.class)),
                                rs.getBigDecimal("amount_paid")))
                    .findOne();
            if (found.isEmpty()) {
              return new NotFound(updated.code());
            }
            Current current = found.get();
            if (current.version() != updated.version()) {
              return new Stale(reload(handle, updated.code()));
            }
            if (current.unit() != updated.accommodationId().value()) {
              throw new IllegalArgumentException("a reservation cannot move to another unit");
            }
            if (current.kind() == OccupancyKind.GUEST_BOOKING
                && !current.period().equals(updated.period())) {
              throw new IllegalArgumentException(
                  "a guest booking keeps its nights and price: cancel it and book again");
            }
            Reservation next = updated.withVersion(current.version() + 1);
            if (updated.quote() != null) {
              next = next.withAmountPaid(new Money(current.amountPaid(), currencyOf(updated)));
            }
            int written =
                EventRows.bind(
                        ReservationRows.bind(handle.createQuery(ReservationRows.UPDATE), updated)
                            .bind("from_status", current.status().name())
                            .bind("actor", who),
                        ReservationEvents.changed(current.status(), next, who, updated.updatedAt()))
                    .mapTo(Integer.class)
                    .one();
            if (written != 1) {
              throw new IllegalStateException("the locked row of " + updated.code() + " changed");
            }
            return new Updated(next);
          });
    } catch (Database.Refused refused) {
      if (refused.isOverlap(NO_DOUBLE_BOOKING)) {
        return new Overlap(conflicts(updated));
      }
      throw refused.unexpected("the update of " + updated.code());
    }
  }

  /** The stored state an update is checked against, without its nights. */
  private record Current(
      long unit,
      OccupancyKind kind,
      ReservationStatus status,
      long version,
      StayPeriod period,
      java.math.BigDecimal amountPaid) {}

  private Reservation reload(org.jdbi.v3.core.Handle handle, ReservationCode code) {
    return ReservationRows.load(
            handle,
            "SELECT " + COLUMNS + " FROM reservation WHERE code = :code",
            params("code", code.value()),
            db)
        .stream()
        .findFirst()
        .orElseThrow(() -> unreadable(code));
  }

  private static java.util.Currency currencyOf(Reservation r) {
    return r.quote().total().currency();
  }

  private static Money zeroPaid(Reservation r) {
    return r.quote() == null ? null : Money.zero(currencyOf(r));
  }

  private static StorageFailure unreadable(ReservationCode code) {
    return new StorageFailure(
        "reservation " + code + " is stored but cannot be read (see the log)", false, null);
  }

  @Override
  public Optional<Reservation> find(ReservationCode code) {
    return db.withHandle(
        handle -> {
          List<Reservation> found =
              ReservationRows.load(
                  handle,
                  "SELECT " + COLUMNS + " FROM reservation WHERE code = :code",
                  params("code", code.value()),
                  db);
          if (!found.isEmpty()) {
            return Optional.of(found.getFirst());
          }
          boolean exists =
              handle
                      .createQuery("SELECT count(*) FROM reservation WHERE code = :code")
                      .bind("code", code.value())
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (exists) {
            throw unreadable(code);
          }
          return Optional.empty();
        });
  }

  @Override
  public List<BusyPeriod> overlapping(AccommodationId unit, StayPeriod period) {
    return busy(Optional.of(unit), period.checkIn(), period.checkOut());
  }

  @Override
  public List<BusyPeriod> busyBetween(
      Optional<AccommodationId> unit, LocalDate from, LocalDate to) {
    return busy(unit, from, to);
  }

  private List<BusyPeriod> busy(Optional<AccommodationId> unit, LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("'to' must be after 'from'");
    }
    String sql =
        "SELECT "
            + BUSY_COLUMNS
            + " FROM reservation WHERE "
            + ACTIVE
            + " AND daterange(check_in, check_out, '[)') && daterange(:from, :to, '[)')"
            + (unit.isPresent() ? " AND accommodation_id = :unit" : "")
            + " ORDER BY accommodation_id, check_in, code";
    return db.withHandle(
        handle -> {
          var query = handle.createQuery(sql).bind("from", from).bind("to", to);
          unit.ifPresent(u -> query.bind("unit", u.value()));
          return query.map((rs, ctx) -> ReservationRows.busy(rs)).list();
        });
  }

  @Override
  public List<Reservation> expiredHolds(Instant now, int limit) {
    return db.withHandle(
        handle ->
            ReservationRows.load(
                handle,
                "SELECT "
                    + COLUMNS
                    + " FROM reservation WHERE status = 'PRE_RESERVED' AND hold_expires_at <= :now"
                    + " ORDER BY hold_expires_at, code LIMIT :limit",
                params("now", ReservationRows.utc(now), "limit", limit),
                db));
  }

  @Override
  public Optional<Reservation> findImported(AccommodationId unit, String externalUid) {
    return db.withHandle(
        handle ->
            ReservationRows.load(
                    handle,
                    "SELECT "
                        + COLUMNS
                        + " FROM reservation WHERE kind = :kind AND accommodation_id = :unit"
                        + " AND external_uid = :uid ORDER BY ("
                        + ACTIVE
                        + ") DESC, updated_at DESC LIMIT 1",
                    params(
                        "kind",
                        OccupancyKind.IMPORTED_STAY.name(),
                        "unit",
                        unit.value(),
                        "uid",
                        externalUid),
                    db)
                .stream()
                .findFirst());
  }

  @Override
  public Page search(ReservationQuery query) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = params();
    query.status().ifPresent(s -> add(where, params, "status = :status", "status", s.name()));
    query
        .accommodationId()
        .ifPresent(u -> add(where, params, "accommodation_id = :unit", "unit", u.value()));
    query.from().ifPresent(f -> add(where, params, "check_out > :from", "from", f));
    query.to().ifPresent(t -> add(where, params, "check_in < :to", "to", t));
    query
        .text()
        .ifPresent(
            t ->
                add(
                    where,
                    params,
                    "(strpos(lower(code), lower(:text)) > 0"
                        + " OR strpos(lower(coalesce(guest_name, '')), lower(:text)) > 0"
                        + " OR strpos(lower(coalesce(guest_phone, '')), lower(:text)) > 0"
                        + " OR strpos(lower(coalesce(guest_whatsapp_id, '')), lower(:text)) > 0"
                        + " OR strpos(lower(coalesce(guest_email, '')), lower(:text)) > 0"
                        + " OR strpos(lower(note), lower(:text)) > 0)",
                    "text",
                    t));
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    return db.withHandle(
        handle -> {
          var count = handle.createQuery("SELECT count(*) FROM reservation" + filter);
          params.forEach(count::bind);
          long total = count.mapTo(Long.class).one();
          Map<String, Object> pageParams = copyOf(params);
          pageParams.put("offset", query.offset());
          pageParams.put("limit", query.limit());
          List<Reservation> items =
              ReservationRows.load(
                  handle,
                  "SELECT "
                      + COLUMNS
                      + " FROM reservation"
                      + filter
                      + " ORDER BY check_in DESC, code OFFSET :offset LIMIT :limit",
                  pageParams,
                  db);
          return new Page(items, total);
        });
  }

  private static Map<String, Object> copyOf(Map<String, Object> base) {
    Map<String, Object> copy = ReservationRows.params();
    copy.putAll(base);
    return copy;
  }

  private static void add(
      List<String> where, Map<String, Object> params, String clause, String name, Object value) {
    where.add(clause);
    params.put(name, value);
  }

  private List<BusyPeriod> conflicts(Reservation candidate) {
    return overlapping(candidate.accommodationId(), candidate.period()).stream()
        .filter(b -> !b.code().equals(candidate.code()))
        .toList();
  }
}
