package ar.booking.core.accommodation;

import ar.booking.core.shared.AccommodationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A lodging unit: what it is, how many it sleeps, when guests arrive and leave, its time zone, how
 * it is priced, the version of its iCal export token (bumped to revoke a leaked URL), and what a
 * guest needs to arrive: its {@code address} and {@code arrivalInstructions} (both optional, {@code
 * null} when not given; sent in the confirmation and the pre-arrival message).
 */
public record Accommodation(
    AccommodationId id,
    String name,
    AccommodationType type,
    int capacity,
    String description,
    List<String> amenities,
    LocalTime checkInTime,
    LocalTime checkOutTime,
    ZoneId zone,
    boolean active,
    PricingPolicy pricing,
    int exportTokenVersion,
    String address,
    String arrivalInstructions) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
  public static final LocalTime DEFAULT_CHECK_IN = LocalTime.of(14, 0);
  public static final LocalTime DEFAULT_CHECK_OUT = LocalTime.of(10, 0);

  public Accommodation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(pricing, "pricing");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a unit needs a name");
    }
    name = name.strip();
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    description = description == null ? "" : description;
    amenities = amenities == null ? List.of() : List.copyOf(amenities);
    checkInTime = checkInTime == null ? DEFAULT_CHECK_IN : checkInTime;
    checkOutTime = checkOutTime == null ? DEFAULT_CHECK_OUT : checkOutTime;
    zone = zone == null ? DEFAULT_ZONE : zone;
    if (exportTokenVersion < 1) {
      throw new IllegalArgumentException("export token version starts at 1");
    }
    address = address == null || address.isBlank() ? null : address.strip();
    arrivalInstructions =
        arrivalInstructions == null || arrivalInstructions.isBlank()
            ? null
            : arrivalInstructions.strip();
  }

  /** A unit without address or arrival instructions. */
  public Accommodation(
      AccommodationId id,
      String name,
      AccommodationType type,
      int capacity,
      String description,
      List<String> amenities,
      LocalTime checkInTime,
      LocalTime checkOutTime,
      ZoneId zone,
      boolean active,
      PricingPolicy pricing,
      int exportTokenVersion) {
    this(
        id,
        name,
        type,
        capacity,
        description,
        amenities,
        checkInTime,
        checkOutTime,
        zone,
        active,
        pricing,
        exportTokenVersion,
        null,
        null);
  }

  /** This unit with another address and arrival instructions ({@code null} for none). */
  public Accommodation withArrival(String newAddress, String newArrivalInstructions) {
    return new Accommodation(
        id,
        name,
        type,
        capacity,
        description,
        amenities,
        checkInTime,
        checkOutTime,
        zone,
        active,
        pricing,
        exportTokenVersion,
        newAddress,
        newArrivalInstructions);
  }

  /** Today's date where the unit is: the day that decides what counts as "in the past". */
  public LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, zone);
  }

  public Accommodation withId(AccommodationId newId) {
    return new Accommodation(
        newId,
        name,
        type,
        capacity,
        description,
        amenities,
        checkInTime,
        checkOutTime,
        zone,
        active,
        pricing,
        exportTokenVersion,
        address,
        arrivalInstructions);
  }

  public Accommodation withActive(boolean newActive) {
    return new Accommodation(
        id,
        name,
        type,
        capacity,
        description,
        amenities,
        checkInTime,
        checkOutTime,
        zone,
        newActive,
        pricing,
        exportTokenVersion,
        address,
        arrivalInstructions);
  }

  public Accommodation withPricing(PricingPolicy newPricing) {
    return new Accommodation(
        id,
        name,
        type,
        capacity,
        description,
        amenities,
        checkInTime,
        checkOutTime,
        zone,
        active,
        newPricing,
        exportTokenVersion,
        address,
        arrivalInstructions);
  }

  public Accommodation withNextExportToken() {
    return new Accommodation(
        id,
        name,
        type,
        capacity,
        description,
        amenities,
        checkInTime,
        checkOutTime,
        zone,
        active,
        pricing,
        exportTokenVersion + 1,
        address,
        arrivalInstructions);
  }
}
