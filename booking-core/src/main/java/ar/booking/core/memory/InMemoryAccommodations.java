package ar.booking.core.memory;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.AccommodationId;
import java.util.List;
import java.util.Optional;

/** {@link Accommodations} kept in an {@link InMemoryStores}. */
final class InMemoryAccommodations implements Accommodations {

  private final InMemoryStores db;

  InMemoryAccommodations(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public AccommodationId nextId() {
    // Ids are never reused, not even after a rollback — like a database sequence.
    return db.read(() -> new AccommodationId(++db.lastUnitId));
  }

  @Override
  public Accommodation add(Accommodation unit) {
    return db.write(
        () -> {
          if (db.units.containsKey(unit.id())) {
            throw new IllegalStateException("unit " + unit.id() + " already exists");
          }
          db.lastUnitId = Math.max(db.lastUnitId, unit.id().value());
          db.units.put(unit.id(), unit);
          return unit;
        },
        () -> db.units.remove(unit.id()));
  }

  @Override
  public Accommodation update(Accommodation unit) {
    Accommodation[] previous = new Accommodation[1];
    return db.write(
        () -> {
          previous[0] = db.units.get(unit.id());
          if (previous[0] == null) {
            throw new IllegalStateException("unit " + unit.id() + " does not exist");
          }
          db.units.put(unit.id(), unit);
          return unit;
        },
        () -> db.units.put(unit.id(), previous[0]));
  }

  @Override
  public Optional<Accommodation> find(AccommodationId id) {
    return db.read(() -> Optional.ofNullable(db.units.get(id)));
  }

  @Override
  public List<Accommodation> findAll() {
    return db.read(() -> List.copyOf(db.units.values()));
  }
}
