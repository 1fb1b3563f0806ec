package ar.booking.core.ports;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.shared.AccommodationId;
import java.util.List;
import java.util.Optional;

/**
 * The lodging units. Thread-safe; every method joins the caller's unit of work when there is one.
 */
public interface Accommodations {

  /** A fresh id for a unit about to be added; never handed out twice. */
  AccommodationId nextId();

  /** Stores a new unit; fails with {@link IllegalStateException} if its id is taken. */
  Accommodation add(Accommodation unit);

  /** Replaces a stored unit; fails with {@link IllegalStateException} if it does not exist. */
  Accommodation update(Accommodation unit);

  Optional<Accommodation> find(AccommodationId id);

  /** Every unit, active or not, ordered by id. */
  List<Accommodation> findAll();

  /** The units on sale, ordered by id. */
  default List<Accommodation> findActive() {
    return findAll().stream().filter(Accommodation::active).toList();
  }
}
