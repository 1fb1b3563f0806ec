package ar.booking.core.ports;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every occupancy of every unit. The rule this port guarantees, atomically and whatever the number
 * of callers or processes: <b>no two occupancies whose status {@linkplain
 * ReservationStatus#occupiesNights() occupies nights} share a night of the same unit</b>. A write
 * that would break it is refused with {@link Overlap} and leaves the caller's unit of work usable.
 * Thread-safe; every method joins the caller's unit of work when there is one.
 *
 * <p>Every write also records its {@linkplain ar.booking.core.event.DomainEvent domain event} in
 * the same unit of work ({@link ar.booking.core.event.ReservationEvents}), so an event exists if
 * and only if its change committed. Reads fill {@link Reservation#amountPaid()} from the
 * reservation's payments. A row that cannot be read back into a valid {@link Reservation} is
 * skipped by the listing methods (and reported by the adapter), never allowed to break a whole
 * list.
 */
public interface Reservations {

  /**
   * Stores a new occupancy unless an active one overlaps it or its code is taken; the stored value
   * comes back at version 1.
   */
  InsertOutcome insert(Reservation reservation, String actor);

  /**
   * Replaces a stored occupancy if it is still at {@code updated.version()} (compare-and-set),
   * recording who did it; the stored value comes back one version later. Refused with {@link Stale}
   * when someone changed it since it was read, and with {@link Overlap} when the new status
   * occupies nights that another active occupancy holds (e.g. reviving an expired hold). The amount
   * paid is never written here: it follows the payments.
   */
  UpdateOutcome update(Reservation updated, String actor);

  Optional<Reservation> find(ReservationCode code);

  /** Active occupancies of {@code unit} sharing at least one night with {@code period}. */
  List<BusyPeriod> overlapping(AccommodationId unit, StayPeriod period);

  /**
   * Active occupancies with at least one night in {@code [from, to)}, of one unit or (empty) of
   * all, ordered by unit then check-in.
   */
  List<BusyPeriod> busyBetween(Optional<AccommodationId> unit, LocalDate from, LocalDate to);

  /** Holds still {@code PRE_RESERVED} whose expiry is at or before {@code now}, oldest first. */
  List<Reservation> expiredHolds(Instant now, int limit);

  /** The imported stay of {@code unit} with that calendar UID, whatever its status. */
  Optional<Reservation> findImported(AccommodationId unit, String externalUid);

  /** Reservations matching the query, newest check-in first, with the total count. */
  Page search(ReservationQuery query);

  /** Result of {@link #insert}. */
  sealed interface InsertOutcome permits Inserted, Overlap, DuplicateCode {}

  /** Result of {@link #update}. */
  sealed interface UpdateOutcome permits Updated, Overlap, Stale, NotFound {}

  record Inserted(Reservation reservation) implements InsertOutcome {}

  record Updated(Reservation reservation) implements UpdateOutcome {}

  /** Refused: these active occupancies hold some of the nights. */
  record Overlap(List<BusyPeriod> conflicts) implements InsertOutcome, UpdateOutcome {
    public Overlap {
      conflicts = List.copyOf(conflicts);
    }
  }

  /** Refused: the code is already used; pick another. */
  record DuplicateCode(ReservationCode code) implements InsertOutcome {}

  /** Refused: someone changed it since it was read; here is what is stored now. */
  record Stale(Reservation current) implements UpdateOutcome {}

  record NotFound(ReservationCode code) implements UpdateOutcome {}

  /** A page of {@link #search} results. */
  record Page(List<Reservation> items, long total) {
    public Page {
      items = List.copyOf(items);
    }
  }
}
