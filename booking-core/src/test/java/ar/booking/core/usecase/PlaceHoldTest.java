package ar.booking.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PlaceHoldTest {

  private final EngineFixture f = new EngineFixture();

  @Test
  void holdKeepsTheNightsForThirtyMinutesWithItsQuote() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");

    assertThat(hold.status()).isEqualTo(ReservationStatus.PRE_RESERVED);
    assertThat(hold.holdExpiresAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(30)));
    assertThat(hold.quote().subtotal()).isEqualTo(Money.ars(34_000));
    assertThat(hold.quote().total()).isEqualTo(Money.ars(39_000)); // + 5 000 cleaning
    assertThat(f.stores.reservations().find(hold.code())).contains(hold);
    assertThat(f.eventsOf(hold)).containsExactly(ar.booking.core.event.EventType.HOLD_PLACED);
    assertThat(f.events.events()).isEmpty();
  }

  @Test
  void secondHoldForSameNightsIsRejectedWithTheConflict() {
    Reservation first = f.held("2026-12-10", "2026-12-13");

    PlaceHold.Result second = f.hold("2026-12-12", "2026-12-15", 2);

    assertThat(second).isInstanceOf(Unavailable.class);
    assertThat(((Unavailable) second).conflicts())
        .extracting(BusyPeriod::code)
        .containsExactly(first.code());
    assertThat(f.events.count("overlap:WHATSAPP")).isEqualTo(1);
  }

  @Test
  void backToBackHoldsAreBothPlaced() {
    f.held("2026-12-10", "2026-12-13");
    assertThat(f.hold("2026-12-13", "2026-12-15", 2)).isInstanceOf(PlaceHold.HoldPlaced.class);
  }

  @Test
  void moreGuestsThanTheUnitSleepsIsTooManyGuests() {
    assertThat(f.hold("2026-12-10", "2026-12-13", 5))
        .isEqualTo(new StayRejection.TooManyGuests(4, 5));
  }

  @Test
  void aShortStayInHighSeasonIsBelowTheMinimum() {
    assertThat(f.hold("2027-01-10", "2027-01-12", 2))
        .isEqualTo(new StayRejection.BelowMinimumStay(3, 2));
  }

  @Test
  void checkInIsJudgedInTheUnitsTimeZone() {
    // 01:30 UTC on 26 Nov is still 22:30 on 25 Nov in Buenos Aires.
    f.clock.set(Instant.parse("2026-11-26T01:30:00Z"));
    assertThat(f.hold("2026-11-25", "2026-11-27", 2)).isInstanceOf(PlaceHold.HoldPlaced.class);
    assertThat(f.hold("2026-11-24", "2026-11-25", 2))
        .isEqualTo(new StayRejection.CheckInInPast(Fixtures.TODAY));

    f.clock.set(Instant.parse("2026-11-26T03:00:00Z")); // midnight in Buenos Aires
    assertThat(f.hold("2026-11-25", "2026-11-26", 2))
        .isInstanceOf(StayRejection.CheckInInPast.class);
  }

  @Test
  void staysLongerThanTheMaximumAreRefused() {
    assertThat(f.hold("2026-12-01", "2027-02-01", 2))
        .isEqualTo(new StayRejection.StayTooLong(60, 62));
  }

  @Test
  void unknownAndInactiveUnitsAreRefused() {
    PlaceHold.Command unknown =
        new PlaceHold.Command(
            f.stores.accommodations().nextId(),
            StayPeriod.parse("2026-12-10", "2026-12-12"),
            GuestCount.of(2),
            Fixtures.guest("Ana"),
            Channel.WHATSAPP);
    assertThat(f.engine.placeHold().execute(unknown)).isInstanceOf(StayRejection.UnknownUnit.class);

    f.stores.accommodations().update(f.cabin.withActive(false));
    assertThat(f.hold("2026-12-10", "2026-12-12", 2))
        .isEqualTo(new StayRejection.UnitInactive(f.cabin.id()));
  }

  @Test
  void withoutTheLockTheHoldStillGoesAheadUnderTheStoreRule() {
    EngineFixture noLocks = new EngineFixture((unit, wait) -> Optional.empty());
    noLocks.held("2026-12-10", "2026-12-13");
    assertThat(noLocks.hold("2026-12-11", "2026-12-12", 2)).isInstanceOf(Unavailable.class);
    assertThat(noLocks.events.count("lock-unavailable")).isEqualTo(2);
  }

  @Test
  void racingHoldsForOverlappingNightsLeaveExactlyOne() throws Exception {
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PlaceHold.Result>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String checkIn = "2026-12-1" + (i % 3);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return f.hold(checkIn, "2026-12-14", 2);
              }));
    }
    start.countDown();
    long placed = 0;
    for (Future<PlaceHold.Result> r : results) {
      if (r.get() instanceof PlaceHold.HoldPlaced) {
        placed++;
      } else {
        assertThat(r.get()).isInstanceOf(Unavailable.class);
      }
    }
    pool.shutdown();
    assertThat(placed).isEqualTo(1);
    assertThat(f.events.count("overlap:")).isEqualTo(threads - 1);
  }
}
