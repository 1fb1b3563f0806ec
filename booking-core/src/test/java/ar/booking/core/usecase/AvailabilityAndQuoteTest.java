package ar.booking.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AvailabilityAndQuoteTest {

  private final EngineFixture f = new EngineFixture();
  private final Accommodation studio =
      f.stores
          .accommodations()
          .add(
              new Accommodation(
                  f.stores.accommodations().nextId(),
                  "Monoambiente",
                  AccommodationType.APARTMENT,
                  2,
                  null,
                  null,
                  null,
                  null,
                  null,
                  true,
                  PricingPolicy.flat(Money.ars(8_000)),
                  1));
  private final Accommodation closed =
      f.stores
          .accommodations()
          .add(Fixtures.cabin(f.stores.accommodations().nextId(), "Cerrada").withActive(false));

  private CheckAvailability.Options check(String in, String out, int guests) {
    return f.engine
        .checkAvailability()
        .execute(new CheckAvailability.Command(StayPeriod.parse(in, out), GuestCount.of(guests)));
  }

  @Test
  void everyActiveUnitIsListedWithItsQuoteAndWhyItCannotTakeTheStay() {
    f.held("2026-12-10", "2026-12-12");

    CheckAvailability.Options options = check("2026-12-11", "2026-12-14", 3);

    assertThat(options.options())
        .extracting(o -> o.unit().id())
        .containsExactly(f.cabin.id(), studio.id());
    CheckAvailability.Option cabin = options.options().get(0);
    assertThat(cabin.available()).isFalse();
    assertThat(cabin.reason()).contains(CheckAvailability.Reason.OCCUPIED);
    assertThat(cabin.conflicts()).hasSize(1);
    CheckAvailability.Option small = options.options().get(1);
    assertThat(small.reason()).contains(CheckAvailability.Reason.TOO_MANY_GUESTS);
    assertThat(small.quote().subtotal()).isEqualTo(Money.ars(24_000));
    assertThat(options.available()).isEmpty();
  }

  @Test
  void freeUnitsAreAvailableWithTheirPrice() {
    CheckAvailability.Options options = check("2026-12-10", "2026-12-13", 2);
    assertThat(options.available()).hasSize(2);
    assertThat(options.options().get(0).reason()).isEqualTo(Optional.empty());
    assertThat(options.options().get(0).quote().subtotal()).isEqualTo(Money.ars(34_000));
  }

  @Test
  void pastAndTooShortStaysSayWhy() {
    assertThat(check("2026-11-20", "2026-11-22", 2).options())
        .allMatch(o -> o.reason().equals(Optional.of(CheckAvailability.Reason.CHECK_IN_IN_PAST)));
    assertThat(check("2027-01-10", "2027-01-12", 2).options().get(0).reason())
        .contains(CheckAvailability.Reason.BELOW_MINIMUM_STAY);
    assertThat(check("2027-01-10", "2027-01-12", 2).options().get(0).minNights()).isEqualTo(3);
  }

  @Test
  void quoteSaysWhetherTheNightsAreFree() {
    QuoteStay.Result free =
        f.engine
            .quoteStay()
            .execute(
                new QuoteStay.Command(
                    f.cabin.id(), StayPeriod.parse("2026-12-10", "2026-12-13"), GuestCount.of(2)));
    assertThat(free).isInstanceOf(QuoteStay.Quoted.class);
    assertThat(((QuoteStay.Quoted) free).available()).isTrue();
    assertThat(((QuoteStay.Quoted) free).quote().deposit()).isEqualTo(Money.ars(11_700));

    f.held("2026-12-10", "2026-12-11");
    QuoteStay.Quoted taken =
        (QuoteStay.Quoted)
            f.engine
                .quoteStay()
                .execute(
                    new QuoteStay.Command(
                        f.cabin.id(),
                        StayPeriod.parse("2026-12-10", "2026-12-13"),
                        GuestCount.of(2)));
    assertThat(taken.available()).isFalse();

    assertThat(
            f.engine
                .quoteStay()
                .execute(
                    new QuoteStay.Command(
                        closed.id(),
                        StayPeriod.parse("2026-12-10", "2026-12-13"),
                        GuestCount.of(2))))
        .isEqualTo(new StayRejection.UnitInactive(closed.id()));
  }

  @Test
  void ownerBookingsAreConfirmedAtOnceAndMayIgnoreTheMinimumStay() {
    CreateOwnerBooking.Result booked =
        f.engine
            .createOwnerBooking()
            .execute(
                new CreateOwnerBooking.Command(
                    f.cabin.id(),
                    StayPeriod.parse("2027-01-10", "2027-01-11"),
                    GuestCount.of(2),
                    new GuestContact("Juan", null, "2944123456", null),
                    null,
                    "efectivo",
                    "admin:o@x.com"));
    assertThat(booked).isInstanceOf(CreateOwnerBooking.Booked.class);
    var reservation = ((CreateOwnerBooking.Booked) booked).reservation();
    assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(reservation.channel()).isEqualTo(Channel.ADMIN);

    assertThat(
            f.engine
                .createOwnerBooking()
                .execute(
                    new CreateOwnerBooking.Command(
                        f.cabin.id(),
                        StayPeriod.parse("2027-01-10", "2027-01-12"),
                        GuestCount.of(2),
                        null,
                        null,
                        null,
                        "admin:o@x.com")))
        .isInstanceOf(Unavailable.class);
    assertThat(
            f.engine
                .createOwnerBooking()
                .execute(
                    new CreateOwnerBooking.Command(
                        f.cabin.id(),
                        StayPeriod.parse("2027-02-10", "2027-02-12"),
                        GuestCount.of(9),
                        null,
                        null,
                        null,
                        "a")))
        .isEqualTo(new StayRejection.TooManyGuests(4, 9));
  }

  @Test
  void busyPeriodsListWhatTakesEachNight() {
    var hold = f.held("2026-12-10", "2026-12-12");
    var list =
        f.engine
            .listBusyPeriods()
            .execute(
                new ListBusyPeriods.Query(
                    Optional.empty(), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1)));
    assertThat(list).hasSize(1);
    assertThat(list.getFirst().code()).isEqualTo(hold.code());
    assertThat(list.getFirst().status()).isEqualTo(ReservationStatus.PRE_RESERVED);
    assertThat(List.of(Channel.WHATSAPP)).contains(list.getFirst().source());
  }
}
