package ar.booking.persistence;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.Holiday;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.accommodation.Season;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link Accommodations} on PostgreSQL: a unit row plus its seasons and holidays. Reads outside a
 * unit of work are served from a snapshot of every unit (a lodging has a handful), reloaded after
 * {@link #CACHE_TTL} or as soon as this process changes a unit; another instance's change is seen
 * within the time-to-live, a unit it added as soon as it is asked for. Inside a unit of work, reads
 * go to the database (read your writes).
 */
final class JdbiAccommodations implements Accommodations {

  static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);

  /** An unknown id reloads the snapshot, at most this often (ids are cheap to make up). */
  static final java.time.Duration MISS_RELOAD = java.time.Duration.ofMillis(200);

  /** Every unit by id, as loaded at {@code loadedAt} (System.nanoTime()). */
  private record Snapshot(Map<AccommodationId, Accommodation> units, long loadedAt) {}

  private volatile Snapshot snapshot;

  private static final String COLUMNS =
      "id, name, type, capacity, description, amenities, check_in_time, check_out_time,"
          + " time_zone, active, currency, base_nightly_rate, weekend_nights, weekend_multiplier,"
          + " min_nights, cleaning_fee, deposit_percentage, export_token_version, address,"
          + " arrival_instructions";

  private final Database db;

  JdbiAccommodations(Database db) {
    this.db = db;
  }

  @Override
  public AccommodationId nextId() {
    return db.withHandle(
        handle ->
            new AccommodationId(
                handle
                    .createQuery("SELECT nextval('accommodation_id_seq')")
                    .mapTo(Long.class)
                    .one()));
  }

  @Override
  public Accommodation add(Accommodation unit) {
    try {
      return db.atomically(
          handle -> {
            bind(
                    handle.createUpdate(
                        "INSERT INTO accommodation ("
                            + COLUMNS
                            + ") VALUES (:id, :name, :type, :capacity, :description, :amenities,"
                            + " :check_in_time, :check_out_time, :time_zone, :active, :currency,"
                            + " :base_nightly_rate, :weekend_nights, :weekend_multiplier,"
                            + " :min_nights, :cleaning_fee, :deposit_percentage,"
                            + " :export_token_version, :address, :arrival_instructions)"),
                    unit)
                .execute();
            insertCalendar(handle, unit);
            invalidate();
            // ids given by the caller are never handed out by nextId() afterwards
            handle
                .createQuery(
                    "SELECT setval('accommodation_id_seq', GREATEST(:id, (SELECT last_value"
                        + " FROM accommodation_id_seq)))")
                .bind("id", unit.id().value())
                .mapTo(Long.class)
                .one();
            return unit;
          });
    } catch (Database.Refused refused) {
      if (refused.isDuplicate("accommodation_pkey")) {
        throw new IllegalStateException("unit " + unit.id() + " already exists");
      }
      throw new IllegalArgumentException("PostgreSQL refused unit " + unit.id(), refused);
    }
  }

  @Override
  public Accommodation update(Accommodation unit) {
    try {
      return db.atomically(
          handle -> {
            int rows =
                bind(
                        handle.createUpdate(
                            "UPDATE accommodation SET name = :name, type = :type,"
                                + " capacity = :capacity, description = :description,"
                                + " amenities = :amenities, check_in_time = :check_in_time,"
                                + " check_out_time = :check_out_time, time_zone = :time_zone,"
                                + " active = :active, currency = :currency,"
                                + " base_nightly_rate = :base_nightly_rate,"
                                + " weekend_nights = :weekend_nights,"
                                + " weekend_multiplier = :weekend_multiplier,"
                                + " min_nights = :min_nights, cleaning_fee = :cleaning_fee,"
                                + " deposit_percentage = :deposit_percentage,"
                                + " export_token_version = :export_token_version,"
                                + " address = :address,"
                                + " arrival_instructions = :arrival_instructions,"
                                + " updated_at = now() WHERE id = :id"),
                        unit)
                    .execute();
            if (rows == 0) {
              throw new IllegalStateException("unit " + unit.id() + " does not exist");
            }
            handle
                .createUpdate("DELETE FROM accommodation_season WHERE accommodation_id = :id")
                .bind("id", unit.id().value())
                .execute();
            handle
                .createUpdate("DELETE FROM accommodation_holiday WHERE accommodation_id = :id")
                .bind("id", unit.id().value())
                .execute();
            insertCalendar(handle, unit);
            invalidate();
            return unit;
          });
    } catch (Database.Refused refused) {
      throw new IllegalArgumentException("PostgreSQL refused unit " + unit.id(), refused);
    }
  }

  @Override
  public Optional<Accommodation> find(AccommodationId id) {
    if (db.inUnitOfWork()) {
      return db.withHandle(
          handle -> load(handle, " WHERE id = :id", id.value()).stream().findFirst());
    }
    Accommodation unit = current().units().get(id);
    if (unit == null && System.nanoTime() - current().loadedAt() > MISS_RELOAD.toNanos()) {
      snapshot = null; // maybe added by another instance a moment ago
      unit = current().units().get(id);
    }
    return Optional.ofNullable(unit);
  }

  @Override
  public List<Accommodation> findAll() {
    if (db.inUnitOfWork()) {
      return db.withHandle(handle -> load(handle, "", null));
    }
    return List.copyOf(current().units().values());
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.loadedAt() > CACHE_TTL.toNanos()) {
      long started = System.nanoTime();
      Map<AccommodationId, Accommodation> byId = new java.util.LinkedHashMap<>();
      db.withHandle(handle -> load(handle, "", null)).forEach(u -> byId.put(u.id(), u));
      s = new Snapshot(java.util.Collections.unmodifiableMap(byId), started);
      snapshot = s;
    }
    return s;
  }

  private void invalidate() {
    snapshot = null;
    db.afterCommit(() -> snapshot = null);
  }

  @Override
  public List<Accommodation> findActive() {
    return db.withHandle(handle -> load(handle, " WHERE active", null));
  }

  private static <S extends SqlStatement<S>> S bind(S statement, Accommodation unit) {
    PricingPolicy p = unit.pricing();
    return statement
        .bind("id", unit.id().value())
        .bind("name", unit.name())
        .bind("type", unit.type().name())
        .bind("capacity", unit.capacity())
        .bind("description", unit.description())
        .bindArray("amenities", String.class, unit.amenities())
        .bind("check_in_time", unit.checkInTime())
        .bind("check_out_time", unit.checkOutTime())
        .bind("time_zone", unit.zone().getId())
        .bind("active", unit.active())
        .bind("currency", p.baseNightlyRate().currency().getCurrencyCode())
        .bind("base_nightly_rate", p.baseNightlyRate().amount())
        .bindArray(
            "weekend_nights",
            Short.class,
            p.weekendNights().stream().map(d -> (short) d.getValue()).sorted().toList())
        .bind("weekend_multiplier", p.weekendMultiplier())
        .bind("min_nights", p.minNights())
        .bind("cleaning_fee", p.cleaningFee().amount())
        .bind("deposit_percentage", p.depositPercentage())
        .bind("export_token_version", unit.exportTokenVersion())
        .bind("address", unit.address())
        .bind("arrival_instructions", unit.arrivalInstructions());
  }

  private static void insertCalendar(Handle handle, Accommodation unit) {
    List<Season> seasons = unit.pricing().seasons();
    if (!seasons.isEmpty()) {
      var batch =
          handle.prepareBatch(
              "INSERT INTO accommodation_season (accommodation_id, position, name, first_night,"
                  + " last_night, nightly_rate, min_nights) VALUES (:id, :position, :name,"
                  + " :first, :last, :rate, :min)");
      for (int i = 0; i < seasons.size(); i++) {
        Season s = seasons.get(i);
        batch
            .bind("id", unit.id().value())
            .bind("position", i)
            .bind("name", s.name())
            .bind("first", s.firstNight())
            .bind("last", s.lastNight())
            .bind("rate", s.nightlyRate().amount())
            .bind("min", s.minNights())
            .add();
      }
      batch.execute();
    }
    List<Holiday> holidays = unit.pricing().holidays();
    if (!holidays.isEmpty()) {
      var batch =
          handle.prepareBatch(
              "INSERT INTO accommodation_holiday (accommodation_id, position, night, name, rate)"
                  + " VALUES (:id, :position, :night, :name, :rate)");
      for (int i = 0; i < holidays.size(); i++) {
        Holiday h = holidays.get(i);
        batch
            .bind("id", unit.id().value())
            .bind("position", i)
            .bind("night", h.date())
            .bind("name", h.name())
            .bind("rate", h.ownRate().map(Money::amount).orElse(null))
            .add();
      }
      batch.execute();
    }
  }

  private static List<Accommodation> load(Handle handle, String where, Long id) {
    var query =
        handle.createQuery("SELECT " + COLUMNS + " FROM accommodation" + where + " ORDER BY id");
    if (id != null) {
      query.bind("id", id);
    }
    List<UnitRow> rows = query.map((rs, ctx) -> UnitRow.read(rs)).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(UnitRow::id).toList();
    Map<Long, Currency> currencies =
        rows.stream().collect(Collectors.toMap(UnitRow::id, UnitRow::currency));
    Map<Long, List<Season>> seasons = new HashMap<>();
    Map<Long, List<Holiday>> holidays = new HashMap<>();
    // seasons and holidays in one round trip
    handle
        .createQuery(
            "SELECT 'S' AS what, accommodation_id, position, name, first_night AS night,"
                + " last_night, nightly_rate AS rate, min_nights FROM accommodation_season"
                + " WHERE accommodation_id = ANY(:ids) UNION ALL SELECT 'H', accommodation_id,"
                + " position, name, night, NULL, rate, NULL FROM accommodation_holiday"
                + " WHERE accommodation_id = ANY(:ids) ORDER BY 1, 2, 3")
        .bindArray("ids", Long.class, ids)
        .map(
            (rs, ctx) -> {
              long unit = rs.getLong("accommodation_id");
              Currency currency = currencies.get(unit);
              var rate = rs.getBigDecimal("rate");
              if ("S".equals(rs.getString("what"))) {
                seasons
                    .computeIfAbsent(unit, k -> new ArrayList<>())
                    .add(
                        new Season(
                            rs.getString("name"),
                            rs.getObject("night", LocalDate.class),
                            rs.getObject("last_night", LocalDate.class),
                            new Money(rate, currency),
                            rs.getObject("min_nights", Integer.class)));
              } else {
                holidays
                    .computeIfAbsent(unit, k -> new ArrayList<>())
                    .add(
                        new Holiday(
                            rs.getObject("night", LocalDate.class),
                            rs.getString("name"),
                            rate == null ? null : new Money(rate, currency)));
              }
              return unit;
            })
        .list();
    return rows.stream()
        .map(
            row ->
                row.toAccommodation(
                    seasons.getOrDefault(row.id(), List.of()),
                    holidays.getOrDefault(row.id(), List.of())))
        .toList();
  }

  /** An accommodation row before its seasons and holidays are attached. */
  private record UnitRow(
      long id,
      String name,
      AccommodationType type,
      int capacity,
      String description,
      List<String> amenities,
      LocalTime checkIn,
      LocalTime checkOut,
      ZoneId zone,
      boolean active,
      Currency currency,
      java.math.BigDecimal baseRate,
      Set<DayOfWeek> weekendNights,
      java.math.BigDecimal weekendMultiplier,
      int minNights,
      java.math.BigDecimal cleaningFee,
      int depositPercentage,
      int exportTokenVersion,
      String address,
      String arrivalInstructions) {

    static UnitRow read(ResultSet rs) throws SQLException {
      return new UnitRow(
          rs.getLong("id"),
          rs.getString("name"),
          AccommodationType.valueOf(rs.getString("type")),
          rs.getInt("capacity"),
          rs.getString("description"),
          Arrays.stream(objects(rs.getArray("amenities"))).map(String.class::cast).toList(),
          rs.getObject("check_in_time", LocalTime.class),
          rs.getObject("check_out_time", LocalTime.class),
          ZoneId.of(rs.getString("time_zone")),
          rs.getBoolean("active"),
          Currency.getInstance(rs.getString("currency").strip()),
          rs.getBigDecimal("base_nightly_rate"),
          Arrays.stream(objects(rs.getArray("weekend_nights")))
              .map(n -> DayOfWeek.of(((Number) n).intValue()))
              .collect(Collectors.toSet()),
          rs.getBigDecimal("weekend_multiplier"),
          rs.getInt("min_nights"),
          rs.getBigDecimal("cleaning_fee"),
          rs.getInt("deposit_percentage"),
          rs.getInt("export_token_version"),
          rs.getString("address"),
          rs.getString("arrival_instructions"));
    }

    Accommodation toAccommodation(List<Season> seasons, List<Holiday> holidays) {
      PricingPolicy pricing =
          new PricingPolicy(
              new Money(baseRate, currency),
              weekendNights,
              weekendMultiplier,
              seasons,
              holidays,
              minNights,
              new Money(cleaningFee, currency),
              depositPercentage);
      return new Accommodation(
          new AccommodationId(id),
          name,
          type,
          capacity,
          description,
          amenities,
          checkIn,
          checkOut,
          zone,
          active,
          pricing,
          exportTokenVersion,
          address,
          arrivalInstructions);
    }

    private static Object[] objects(Array array) throws SQLException {
      return array == null ? new Object[0] : (Object[]) array.getArray();
    }
  }
}
