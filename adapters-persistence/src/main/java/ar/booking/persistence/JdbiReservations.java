package ar.booking.persistence;

import static ar.booking.persistence.ReservationRows.ACTIVE;
import static ar.booking.persistence.ReservationRows.BUSY_COLUMNS;
import static ar.booking.persistence.ReservationRows.COLUMNS;
import static ar.booking.persistence.ReservationRows.params;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
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
 * write it refuses (SQLState 23P01) is rolled back to a savepoint and answered with {@link
 * Overlap}.
 */
final class JdbiReservations implements Reservations {

  private final Database db;

  JdbiReservations(Database db) {
    this.db = db;
  }

  @Override
  public InsertOutcome insert(Reservation reservation, String actor) {
    Objects.requireNonNull(reservation, "reservation");
    try {
      return db.atomically(
          handle -> {
            int stored =
                ReservationRows.bindNights(
                        ReservationRows.bind(
                            handle.createQuery(ReservationRows.INSERT), reservation),
                        reservation)
                    .bind("actor", actor == null ? "unknown" : actor)
                    .mapTo(Integer.class)
                    .one();
            if (stored == 0) {
              return new DuplicateCode(reservation.code());
            }
            return new Inserted(reservation);
          });
    } catch (Database.Refused refused) {
      if (refused.isOverlap()) {
        return new Overlap(conflicts(reservation));
      }
      if (refused.isDuplicate()) {
        return new DuplicateCode(reservation.code());
      }
      throw new IllegalArgumentException(
          "PostgreSQL refused reservation " + reservation.code(), refused.getCause());
    }
  }

  @Override
  public UpdateOutcome update(Reservation updated, ReservationStatus expectedStatus, String actor) {
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(expectedStatus, "expectedStatus");
    try {
      return db.atomically(
          handle -> {
            Optional<Reservation> found =
                ReservationRows.load(
                        handle,
                        "SELECT "
                            + COLUMNS
                            + " FROM reservation, ("
                            + ReservationRows.UNIT_LOCK
                            + ") unit_lock WHERE code = :code FOR UPDATE OF reservation",
                        params(
                            "code",
                            updated.code().value(),
                            "accommodation_id",
                            updated.accommodationId().value()))
                    .stream()
                    .findFirst();
            if (found.isEmpty()) {
              return new NotFound(updated.code());
            }
            Reservation current = found.get();
            if (current.status() != expectedStatus) {
              return new StatusChanged(current);
            }
            if (!current.accommodationId().equals(updated.accommodationId())) {
              throw new IllegalArgumentException("a reservation cannot move to another unit");
            }
            ReservationRows.bind(handle.createUpdate(ReservationRows.UPDATE), updated).execute();
            if (!Objects.equals(current.quote(), updated.quote())) {
              handle
                  .createUpdate("DELETE FROM reservation_night WHERE reservation_code = :code")
                  .bind("code", updated.code().value())
                  .execute();
              ReservationRows.insertNights(handle, updated);
            }
            ReservationRows.audit(
                handle, updated.code(), current.status(), updated.status(), actor);
            return new Updated(updated);
          });
    } catch (Database.Refused refused) {
      if (refused.isOverlap()) {
        return new Overlap(conflicts(updated));
      }
      throw new IllegalArgumentException(
          "PostgreSQL refused the update of " + updated.code(), refused.getCause());
    }
  }

  @Override
  public Optional<Reservation> find(ReservationCode code) {
    return db.withHandle(
        handle ->
            ReservationRows.load(
                    handle,
                    "SELECT " + COLUMNS + " FROM reservation WHERE code = :code",
                    params("code", code.value()))
                .stream()
                .findFirst());
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
                params("now", ReservationRows.utc(now), "limit", limit)));
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
                        externalUid))
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
                  pageParams);
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
