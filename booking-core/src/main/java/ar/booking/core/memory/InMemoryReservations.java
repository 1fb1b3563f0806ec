package ar.booking.core.memory;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.event.ReservationEvents;
import ar.booking.core.payment.Payment;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link Reservations} kept in an {@link InMemoryStores}: overlap checks and version
 * compare-and-set are atomic, writes hold the unit until the unit of work ends, and every write
 * appends its event to the {@link InMemoryEventLog} of the same unit of work.
 */
final class InMemoryReservations implements Reservations {

  private static final Comparator<Reservation> BY_UNIT_THEN_CHECK_IN =
      Comparator.<Reservation>comparingLong(r -> r.accommodationId().value())
          .thenComparing(r -> r.period().checkIn())
          .thenComparing(r -> r.code().value());

  private final InMemoryStores db;
  private final InMemoryEventLog events;

  InMemoryReservations(InMemoryStores db, InMemoryEventLog events) {
    this.db = db;
    this.events = events;
  }

  @Override
  public InsertOutcome insert(Reservation reservation, String actor) {
    boolean[] stored = new boolean[1];
    return db.writeUnit(
        reservation.accommodationId(),
        () -> {
          if (db.reservations.containsKey(reservation.code())) {
            return new DuplicateCode(reservation.code());
          }
          if (reservation.occupiesNights()) {
            List<BusyPeriod> conflicts = conflicts(reservation);
            if (!conflicts.isEmpty()) {
              return new Overlap(conflicts);
            }
          }
          Reservation first = reservation.withVersion(1);
          db.reservations.put(first.code(), first);
          stored[0] = true;
          events.append(ReservationEvents.created(first, actor, reservation.updatedAt()));
          return new Inserted(withPayments(first));
        },
        () -> {
          if (stored[0]) {
            db.reservations.remove(reservation.code());
          }
        });
  }

  @Override
  public UpdateOutcome update(Reservation updated, String actor) {
    Reservation[] previous = new Reservation[1];
    return db.writeUnit(
        updated.accommodationId(),
        () -> {
          Reservation current = db.reservations.get(updated.code());
          if (current == null) {
            return new NotFound(updated.code());
          }
          if (current.version() != updated.version()) {
            return new Stale(withPayments(current));
          }
          if (!current.accommodationId().equals(updated.accommodationId())) {
            throw new IllegalArgumentException("a reservation cannot move to another unit");
          }
          if (updated.occupiesNights()) {
            List<BusyPeriod> conflicts = conflicts(updated);
            if (!conflicts.isEmpty()) {
              return new Overlap(conflicts);
            }
          }
          previous[0] = current;
          Reservation next = updated.withVersion(current.version() + 1);
          db.reservations.put(next.code(), next);
          events.append(
              ReservationEvents.changed(
                  withPayments(current), withPayments(next), actor, updated.updatedAt()));
          return new Updated(withPayments(next));
        },
        () -> {
          if (previous[0] != null) {
            db.reservations.put(previous[0].code(), previous[0]);
          }
        });
  }

  @Override
  public Optional<Reservation> find(ReservationCode code) {
    return db.read(() -> Optional.ofNullable(db.reservations.get(code)).map(this::withPayments));
  }

  /** The stored reservation with what its approved payments add up to. */
  private Reservation withPayments(Reservation stored) {
    if (stored.quote() == null) {
      return stored;
    }
    Money paid = Money.zero(stored.quote().total().currency());
    for (Payment payment : db.payments.values()) {
      if (stored.code().equals(payment.reservationCode())
          && payment.amount().currency().equals(paid.currency())) {
        paid = paid.plus(payment.net());
      }
    }
    return stored.withAmountPaid(paid);
  }

  @Override
  public List<BusyPeriod> overlapping(AccommodationId unit, StayPeriod period) {
    return db.read(
        () ->
            active()
                .filter(r -> r.accommodationId().equals(unit) && r.period().overlaps(period))
                .sorted(BY_UNIT_THEN_CHECK_IN)
                .map(BusyPeriod::of)
                .toList());
  }

  @Override
  public List<BusyPeriod> busyBetween(
      Optional<AccommodationId> unit, LocalDate from, LocalDate to) {
    StayPeriod window = new StayPeriod(from, to);
    return db.read(
        () ->
            active()
                .filter(r -> unit.isEmpty() || r.accommodationId().equals(unit.get()))
                .filter(r -> r.period().overlaps(window))
                .sorted(BY_UNIT_THEN_CHECK_IN)
                .map(BusyPeriod::of)
                .toList());
  }

  @Override
  public List<Reservation> expiredHolds(Instant now, int limit) {
    return db.read(
        () ->
            db.reservations.values().stream()
                .filter(r -> r.isExpiredHold(now))
                .sorted(
                    Comparator.comparing(Reservation::holdExpiresAt)
                        .thenComparing(r -> r.code().value()))
                .limit(limit)
                .map(this::withPayments)
                .toList());
  }

  @Override
  public Optional<Reservation> findImported(AccommodationId unit, String externalUid) {
    return db.read(
        () ->
            db.reservations.values().stream()
                .filter(r -> r.kind() == OccupancyKind.IMPORTED_STAY)
                .filter(r -> r.accommodationId().equals(unit))
                .filter(r -> externalUid.equals(r.externalUid()))
                .max(
                    Comparator.comparing((Reservation r) -> r.occupiesNights())
                        .thenComparing(Reservation::updatedAt)));
  }

  @Override
  public Page search(ReservationQuery query) {
    return db.read(
        () -> {
          List<Reservation> matching =
              db.reservations.values().stream()
                  .filter(r -> query.status().map(s -> r.status() == s).orElse(true))
                  .filter(
                      r ->
                          query
                              .accommodationId()
                              .map(u -> r.accommodationId().equals(u))
                              .orElse(true))
                  .filter(r -> query.from().map(f -> r.period().checkOut().isAfter(f)).orElse(true))
                  .filter(r -> query.to().map(t -> r.period().checkIn().isBefore(t)).orElse(true))
                  .filter(r -> query.text().map(t -> mentions(r, t)).orElse(true))
                  .sorted(
                      Comparator.comparing((Reservation r) -> r.period().checkIn())
                          .reversed()
                          .thenComparing(r -> r.code().value()))
                  .toList();
          List<Reservation> page =
              matching.stream()
                  .skip(query.offset())
                  .limit(query.limit())
                  .map(this::withPayments)
                  .toList();
          return new Page(page, matching.size());
        });
  }

  private Stream<Reservation> active() {
    return db.reservations.values().stream().filter(Reservation::occupiesNights);
  }

  private List<BusyPeriod> conflicts(Reservation candidate) {
    return active()
        .filter(r -> !r.code().equals(candidate.code()))
        .filter(r -> r.accommodationId().equals(candidate.accommodationId()))
        .filter(r -> r.period().overlaps(candidate.period()))
        .sorted(BY_UNIT_THEN_CHECK_IN)
        .map(BusyPeriod::of)
        .toList();
  }

  private static boolean mentions(Reservation r, String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return Stream.of(
            r.code().value(),
            r.contact().name(),
            r.contact().phone(),
            r.contact().whatsappId(),
            r.contact().email(),
            r.note())
        .filter(value -> value != null)
        .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains(needle));
  }
}
