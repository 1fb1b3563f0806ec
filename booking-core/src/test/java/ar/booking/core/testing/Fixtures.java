package ar.booking.core.testing;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.Holiday;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.accommodation.Season;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Ready-made units and reservations for tests of the core and of adapters. */
public final class Fixtures {

  /** 2026-11-25 12:00 in Buenos Aires (UTC-3), on a whole second as every database keeps it. */
  public static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

  public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private Fixtures() {}

  /** A cabin for 4 at 10 000 ARS a night, weekend ×1.2, 30 % deposit, every pricing feature set. */
  public static Accommodation cabin(AccommodationId id, String name) {
    PricingPolicy pricing =
        new PricingPolicy(
            Money.ars(10_000),
            Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
            new BigDecimal("1.2"),
            List.of(
                new Season(
                    "Temporada alta",
                    LocalDate.of(2026, 12, 20),
                    LocalDate.of(2027, 2, 28),
                    Money.ars(15_000),
                    3)),
            List.of(
                new Holiday(LocalDate.of(2026, 12, 8), "Inmaculada Concepción", null),
                new Holiday(LocalDate.of(2026, 12, 31), "Fin de año", Money.ars("25000.50"))),
            1,
            Money.ars(5_000),
            30);
    return new Accommodation(
        id,
        name,
        AccommodationType.CABIN,
        4,
        "Cabaña con vista al lago",
        List.of("wifi", "parrilla"),
        LocalTime.of(14, 0),
        LocalTime.of(10, 0),
        ZoneId.of("America/Argentina/Buenos_Aires"),
        true,
        pricing,
        1);
  }

  /** Adds a fresh cabin through the port and returns it. */
  public static Accommodation addCabin(Accommodations accommodations, String name) {
    return accommodations.add(cabin(accommodations.nextId(), name));
  }

  public static StayPeriod period(String checkIn, String checkOut) {
    return StayPeriod.parse(checkIn, checkOut);
  }

  public static GuestContact guest(String name) {
    return new GuestContact(name, "5492944000000", "+54 9 294 400-0000", null);
  }

  /** A 30-minute WhatsApp hold placed at {@link #NOW}. */
  public static Reservation hold(Accommodation unit, StayPeriod period) {
    return Reservation.hold(
        ReservationCode.random(),
        unit.id(),
        Pricing.quote(unit.pricing(), period),
        GuestCount.of(2),
        guest("Ana Pérez"),
        Channel.WHATSAPP,
        NOW,
        NOW.plusSeconds(1800));
  }

  public static Reservation block(Accommodation unit, StayPeriod period) {
    return Reservation.ownerBlock(ReservationCode.random(), unit.id(), period, "arreglos", NOW);
  }
}
