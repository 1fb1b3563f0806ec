package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.block;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.GuestCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Reservations} implementation guarantees, above all the atomic no-overlap rule.
 * Subclasses provide the stores; each test creates its own units so a shared database is fine.
 */
public abstract class ReservationsContract {

  /** The three ports a reservation store comes with. */
  public record Stores(
      Accommodations accommodations, Reservations reservations, Transactions transactions) {}

  protected abstract Stores stores();

  private Accommodations accommodations;
  private Reservations reservations;
  private Transactions transactions;
  private Accommodation unit;

  @BeforeEach
  void setUpStores() {
    Stores stores = stores();
    accommodations = stores.accommodations();
    reservations = stores.reservations();
    transactions = stores.transactions();
    unit = addCabin(accommodations, "Cabaña " + UUID.randomUUID());
  }

  private Reservation updated(Reservation change) {
    Reservations.UpdateOutcome outcome = reservations.update(change, "test");
    assertThat(outcome).isInstanceOf(Reservations.Updated.class);
    return ((Reservations.Updated) outcome).reservation();
  }

  private Reservation inserted(Reservation reservation) {
    Reservations.InsertOutcome outcome = reservations.insert(reservation, "test");
    assertThat(outcome).isInstanceOf(Reservations.Inserted.class);
    return ((Reservations.Inserted) outcome).reservation();
  }

  @Test
  void storedReservationReadsBackEqual() {
    Reservation held = hold(unit, period("2026-12-10", "2026-12-13"));
    Reservation stored = inserted(held);
    assertThat(stored).isEqualTo(held.withVersion(1));
    assertThat(reservations.find(held.code())).contains(stored);
  }

  @Test
  void everyKindOfOccupancyReadsBackEqual() {
    Reservation blocked = block(unit, period("2027-01-10", "2027-01-12"));
    Reservation imported =
        Reservation.importedStay(
            ReservationCode.random(),
            unit.id(),
            period("2027-01-12", "2027-01-15"),
            Channel.AIRBNB,
            "abc123@airbnb.com",
            "Reserved",
            NOW);
    Reservation owner =
        Reservation.confirmedBooking(
            ReservationCode.random(),
            unit.id(),
            Pricing.quote(unit.pricing(), period("2027-01-15", "2027-01-17")),
            GuestCount.of(3),
            new GuestContact("Juan", null, null, "juan@example.com"),
            Channel.ADMIN,
            "pagó en efectivo",
            NOW);
    for (Reservation r : List.of(blocked, imported, owner)) {
      inserted(r);
      assertThat(reservations.find(r.code())).contains(r.withVersion(1));
    }
  }

  @Test
  void unknownCodeIsNotFound() {
    assertThat(reservations.find(ReservationCode.random())).isEmpty();
  }

  @Test
  void secondHoldForSameNightsIsRejectedWithTheConflict() {
    Reservation first = inserted(hold(unit, period("2026-12-10", "2026-12-13")));

    Reservations.InsertOutcome outcome =
        reservations.insert(hold(unit, period("2026-12-12", "2026-12-14")), "test");

    assertThat(outcome).isInstanceOf(Reservations.Overlap.class);
    assertThat(((Reservations.Overlap) outcome).conflicts())
        .extracting(BusyPeriod::code)
        .containsExactly(first.code());
  }

  @Test
  void backToBackStaysDoNotOverlap() {
    inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    inserted(hold(unit, period("2026-12-13", "2026-12-15")));
    inserted(hold(unit, period("2026-12-08", "2026-12-10")));
  }

  @Test
  void sameNightsOnAnotherUnitAreFree() {
    Accommodation other = addCabin(accommodations, "Otra " + UUID.randomUUID());
    inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    inserted(hold(other, period("2026-12-10", "2026-12-13")));
  }

  @Test
  void ownerBlockAndGuestHoldObeyTheSameRule() {
    inserted(block(unit, period("2026-12-10", "2026-12-20")));
    assertThat(reservations.insert(hold(unit, period("2026-12-19", "2026-12-21")), "test"))
        .isInstanceOf(Reservations.Overlap.class);
  }

  @Test
  void cancelledAndExpiredStaysFreeTheirNights() {
    Reservation first = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    assertThat(
            reservations.update(
                first.transitionTo(ReservationStatus.EXPIRED, NOW.plusSeconds(2000)), "system"))
        .isInstanceOf(Reservations.Updated.class);

    Reservation second = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    reservations.update(second.cancel("cambio de planes", NOW), "t");

    inserted(hold(unit, period("2026-12-10", "2026-12-13")));
  }

  @Test
  void duplicateCodeIsReported() {
    Reservation first = inserted(hold(unit, period("2026-12-10", "2026-12-11")));
    Reservation sameCode =
        new Reservation(
            first.code(),
            unit.id(),
            period("2027-03-01", "2027-03-02"),
            first.kind(),
            first.status(),
            first.guests(),
            first.contact(),
            first.channel(),
            Pricing.quote(unit.pricing(), period("2027-03-01", "2027-03-02")),
            null,
            first.holdExpiresAt(),
            null,
            null,
            NOW,
            NOW,
            0);
    assertThat(reservations.insert(sameCode, "test"))
        .isEqualTo(new Reservations.DuplicateCode(first.code()));
  }

  @Test
  void updateIsCompareAndSetOnTheVersion() {
    Reservation held = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    Reservation confirmed = held.confirm(NOW.plusSeconds(60));
    assertThat(reservations.update(confirmed, "payment:1"))
        .isEqualTo(new Reservations.Updated(confirmed.withVersion(2)));

    Reservations.UpdateOutcome late =
        reservations.update(
            held.transitionTo(ReservationStatus.EXPIRED, NOW.plusSeconds(1900)), "system");

    assertThat(late).isEqualTo(new Reservations.Stale(confirmed.withVersion(2)));
    assertThat(reservations.find(held.code())).contains(confirmed.withVersion(2));
  }

  @Test
  void aChangeThatKeepsTheStatusStillBumpsTheVersionSoAStaleWriteIsRefused() {
    Reservation held = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    Reservation extended = held.withHoldExpiry(NOW.plusSeconds(3600), NOW.plusSeconds(10));
    Reservation stored =
        ((Reservations.Updated) reservations.update(extended, "payment:pending")).reservation();
    assertThat(stored.version()).isEqualTo(2);

    // A cancel decided on the old read (same status!) must not undo the extension.
    assertThat(reservations.update(held.cancel("tarde", NOW.plusSeconds(20)), "guest"))
        .isInstanceOf(Reservations.Stale.class);
    assertThat(reservations.find(held.code()).orElseThrow().holdExpiresAt())
        .isEqualTo(NOW.plusSeconds(3600));
  }

  @Test
  void twoWritersFromTheSameReadLeaveExactlyOneChange() throws Exception {
    Reservation held = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    Future<Reservations.UpdateOutcome> expire =
        pool.submit(
            () -> {
              start.await();
              return transactions.inTransaction(
                  () ->
                      reservations.update(
                          held.transitionTo(ReservationStatus.EXPIRED, NOW.plusSeconds(1800)),
                          "system:expiry"));
            });
    Future<Reservations.UpdateOutcome> confirm =
        pool.submit(
            () -> {
              start.await();
              return transactions.inTransaction(
                  () -> reservations.update(held.confirm(NOW.plusSeconds(1800)), "payment"));
            });
    start.countDown();
    List<Reservations.UpdateOutcome> outcomes = List.of(expire.get(), confirm.get());
    pool.shutdown();

    assertThat(outcomes).filteredOn(o -> o instanceof Reservations.Updated).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof Reservations.Stale).hasSize(1);
    Reservation stored = reservations.find(held.code()).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.status()).isIn(ReservationStatus.EXPIRED, ReservationStatus.CONFIRMED);
  }

  @Test
  void revivingAnExpiredHoldWhoseNightsWereSoldIsAnOverlap() {
    Reservation held = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    Reservation expired =
        updated(held.transitionTo(ReservationStatus.EXPIRED, NOW.plusSeconds(1800)));
    Reservation taker = inserted(hold(unit, period("2026-12-12", "2026-12-14")));

    Reservations.UpdateOutcome outcome =
        reservations.update(expired.confirm(NOW.plusSeconds(2000)), "payment:2");

    assertThat(outcome).isInstanceOf(Reservations.Overlap.class);
    assertThat(((Reservations.Overlap) outcome).conflicts())
        .extracting(BusyPeriod::code)
        .containsExactly(taker.code());
    assertThat(reservations.find(held.code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.EXPIRED);
  }

  @Test
  void revivingAnExpiredHoldWithFreeNightsSucceeds() {
    Reservation held = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    Reservation expired =
        updated(held.transitionTo(ReservationStatus.EXPIRED, NOW.plusSeconds(1800)));

    Reservation confirmed = expired.confirm(NOW.plusSeconds(2000));
    assertThat(reservations.update(confirmed, "payment:3"))
        .isEqualTo(new Reservations.Updated(confirmed.withVersion(3)));
  }

  @Test
  void updatingAnUnknownReservationIsNotFound() {
    Reservation never = hold(unit, period("2026-12-10", "2026-12-13"));
    assertThat(reservations.update(never.confirm(NOW), "test"))
        .isEqualTo(new Reservations.NotFound(never.code()));
  }

  @Test
  void overlappingListsOnlyActiveOccupanciesOfThatUnit() {
    Reservation a = inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    Reservation b = inserted(block(unit, period("2026-12-15", "2026-12-18")));
    Reservation c = inserted(hold(unit, period("2026-12-20", "2026-12-22")));
    reservations.update(c.cancel("no", NOW), "test");

    assertThat(reservations.overlapping(unit.id(), period("2026-12-12", "2026-12-21")))
        .extracting(BusyPeriod::code)
        .containsExactly(a.code(), b.code());
    assertThat(reservations.overlapping(unit.id(), period("2026-12-13", "2026-12-15"))).isEmpty();
  }

  @Test
  void busyBetweenIsOrderedByUnitThenCheckInAndUsesHalfOpenWindows() {
    Accommodation other = addCabin(accommodations, "Otra " + UUID.randomUUID());
    Reservation late = inserted(hold(unit, period("2026-12-20", "2026-12-22")));
    Reservation early = inserted(hold(unit, period("2026-12-10", "2026-12-12")));
    Reservation elsewhere = inserted(block(other, period("2026-12-01", "2026-12-31")));

    List<BusyPeriod> mine =
        reservations.busyBetween(
            Optional.of(unit.id()), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1));
    assertThat(mine).extracting(BusyPeriod::code).containsExactly(early.code(), late.code());
    assertThat(mine.getFirst().period()).isEqualTo(early.period());
    assertThat(mine.getFirst().source()).isEqualTo(Channel.WHATSAPP);

    List<BusyPeriod> all =
        reservations.busyBetween(
            Optional.empty(), LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 20));
    assertThat(all)
        .filteredOn(
            p -> p.accommodationId().equals(unit.id()) || p.accommodationId().equals(other.id()))
        .extracting(BusyPeriod::code)
        .containsExactly(elsewhere.code());
  }

  @Test
  void expiredHoldsAreTheHoldsWhoseTimeIsUpOldestFirst() {
    Reservation soon = inserted(hold(unit, period("2026-12-10", "2026-12-11")));
    Reservation later =
        inserted(
            Reservation.hold(
                ReservationCode.random(),
                unit.id(),
                Pricing.quote(unit.pricing(), period("2026-12-12", "2026-12-13")),
                GuestCount.of(1),
                GuestContact.whatsapp("5491100000000", null),
                Channel.WHATSAPP,
                NOW,
                NOW.plusSeconds(3600)));
    Reservation confirmed = inserted(hold(unit, period("2026-12-14", "2026-12-15")));
    reservations.update(confirmed.confirm(NOW), "t");

    assertThat(mineOnly(reservations.expiredHolds(NOW.plusSeconds(1799), 10_000))).isEmpty();
    assertThat(mineOnly(reservations.expiredHolds(NOW.plusSeconds(1800), 10_000)))
        .containsExactly(soon.code());
    assertThat(mineOnly(reservations.expiredHolds(NOW.plusSeconds(7200), 10_000)))
        .containsExactly(soon.code(), later.code());
  }

  private List<ReservationCode> mineOnly(List<Reservation> found) {
    return found.stream()
        .filter(r -> r.accommodationId().equals(unit.id()))
        .map(Reservation::code)
        .toList();
  }

  @Test
  void importedStayIsFoundByItsCalendarUid() {
    Reservation imported =
        inserted(
            Reservation.importedStay(
                ReservationCode.random(),
                unit.id(),
                period("2027-01-05", "2027-01-09"),
                Channel.BOOKING,
                "77@booking.com",
                "CLOSED - Not available",
                NOW));
    assertThat(reservations.findImported(unit.id(), "77@booking.com"))
        .contains(imported.withVersion(1));
    assertThat(reservations.findImported(unit.id(), "78@booking.com")).isEmpty();
  }

  @Test
  void searchFiltersByStatusUnitDatesAndTextAndPaginates() {
    String marker = "zz" + UUID.randomUUID().toString().substring(0, 8);
    List<ReservationCode> codes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      LocalDate checkIn = LocalDate.of(2027, 3, 1).plusDays(3L * i);
      Reservation r =
          Reservation.hold(
              ReservationCode.random(),
              unit.id(),
              Pricing.quote(unit.pricing(), ar.booking.core.stay.StayPeriod.of(checkIn, 2)),
              GuestCount.of(2),
              new GuestContact("Huésped " + marker + " " + i, "549110000000" + i, null, null),
              Channel.WHATSAPP,
              NOW,
              NOW.plusSeconds(1800));
      codes.add(inserted(r).code());
    }
    Reservation firstHold = reservations.find(codes.getFirst()).orElseThrow();
    reservations.update(firstHold.confirm(NOW), "t");

    ReservationQuery byText = ReservationQuery.all().withText(marker.toUpperCase());
    Reservations.Page all = reservations.search(byText);
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.items())
        .extracting(Reservation::code)
        .containsExactlyElementsOf(codes.reversed());

    Reservations.Page page = reservations.search(byText.page(1, 2));
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.items())
        .extracting(Reservation::code)
        .containsExactly(codes.get(3), codes.get(2));

    assertThat(reservations.search(byText.withStatus(ReservationStatus.CONFIRMED)).items())
        .extracting(Reservation::code)
        .containsExactly(codes.getFirst());
    assertThat(
            reservations
                .search(
                    byText
                        .withAccommodation(unit.id())
                        .between(LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 8)))
                .items())
        .extracting(Reservation::code)
        .containsExactly(codes.get(2), codes.get(1));
    assertThat(reservations.search(ReservationQuery.all().withText(codes.get(4).value())).items())
        .extracting(Reservation::code)
        .containsExactly(codes.get(4));
  }

  @Test
  void aFailedUnitOfWorkLeavesNothingBehind() {
    Reservation held = hold(unit, period("2026-12-10", "2026-12-13"));
    assertThatThrownBy(
            () ->
                transactions.run(
                    () -> {
                      reservations.insert(held, "test");
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(reservations.find(held.code())).isEmpty();
    inserted(hold(unit, period("2026-12-10", "2026-12-13")));
  }

  @Test
  void aRefusedWriteLeavesTheUnitOfWorkUsable() {
    inserted(hold(unit, period("2026-12-10", "2026-12-13")));
    Reservation other = hold(unit, period("2026-12-20", "2026-12-22"));

    Reservations.InsertOutcome afterRefusal =
        transactions.inTransaction(
            () -> {
              assertThat(reservations.insert(hold(unit, period("2026-12-11", "2026-12-12")), "t"))
                  .isInstanceOf(Reservations.Overlap.class);
              return reservations.insert(other, "t");
            });

    assertThat(afterRefusal).isInstanceOf(Reservations.Inserted.class);
    assertThat(reservations.find(other.code())).contains(other.withVersion(1));
  }

  @Test
  void concurrentInsertsOfOverlappingStaysLeaveExactlyOne() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reservations.InsertOutcome>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      LocalDate checkIn = LocalDate.of(2027, 4, 1).plusDays(i % 3);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return transactions.inTransaction(
                    () ->
                        reservations.insert(
                            hold(unit, ar.booking.core.stay.StayPeriod.of(checkIn, 4)), "race"));
              }));
    }
    start.countDown();
    int inserted = 0;
    for (Future<Reservations.InsertOutcome> result : results) {
      if (result.get() instanceof Reservations.Inserted) {
        inserted++;
      } else {
        assertThat(result.get()).isInstanceOf(Reservations.Overlap.class);
      }
    }
    pool.shutdown();
    assertThat(inserted).isEqualTo(1);
    assertThat(reservations.overlapping(unit.id(), period("2027-03-01", "2027-05-01"))).hasSize(1);
  }
}
