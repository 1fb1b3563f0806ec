package ar.booking.app;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.accommodation.Season;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Three demo units with realistic ARS prices, for development runs on an empty database. */
final class DemoSeed {

  private DemoSeed() {}

  /** Adds the demo units when there are no units at all; answers how many it added. */
  static int seedIfEmpty(Accommodations units, LocalDate today, ZoneId zone) {
    if (!units.findAll().isEmpty()) {
      return 0;
    }
    add(
        units,
        zone,
        "Cabaña del Bosque",
        AccommodationType.CABIN,
        4,
        85_000,
        125_000,
        "Cabaña de madera entre los pinos, con parrilla y hogar a leña.",
        List.of("wifi", "parrilla", "hogar", "cochera"),
        today);
    add(
        units,
        zone,
        "Cabaña del Lago",
        AccommodationType.CABIN,
        6,
        120_000,
        170_000,
        "Cabaña frente al lago con muelle propio, dos dormitorios y living amplio.",
        List.of("wifi", "parrilla", "muelle", "cochera", "lavarropas"),
        today);
    add(
        units,
        zone,
        "Depto Centro",
        AccommodationType.APARTMENT,
        2,
        55_000,
        75_000,
        "Departamento de un ambiente a dos cuadras de la plaza principal.",
        List.of("wifi", "aire acondicionado", "smart tv"),
        today);
    return 3;
  }

  private static void add(
      Accommodations units,
      ZoneId zone,
      String name,
      AccommodationType type,
      int capacity,
      long base,
      long high,
      String description,
      List<String> amenities,
      LocalDate today) {
    PricingPolicy pricing =
        PricingPolicy.flat(Money.ars(base))
            .withWeekendMultiplier(new BigDecimal("1.15"))
            .withSeasons(highSeasons(Money.ars(high), today))
            .withCleaningFee(Money.ars(15_000))
            .withMinNights(2);
    units.add(
        new Accommodation(
            units.nextId(),
            name,
            type,
            capacity,
            description,
            amenities,
            null,
            null,
            zone,
            true,
            pricing,
            1));
  }

  /** High season 20 December – 28 February: the current one (if not over) and the next. */
  static List<Season> highSeasons(Money rate, LocalDate today) {
    List<Season> seasons = new ArrayList<>();
    for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
      LocalDate first = LocalDate.of(year, 12, 20);
      LocalDate last = LocalDate.of(year + 1, 2, 28);
      if (!last.isBefore(today)) {
        seasons.add(new Season("Temporada alta " + year + "/" + (year + 1), first, last, rate, 3));
      }
    }
    return seasons;
  }
}
