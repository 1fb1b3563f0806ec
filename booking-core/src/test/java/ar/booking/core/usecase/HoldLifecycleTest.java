package ar.booking.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.event.EventType;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expiry, confirmation and cancellation of holds, and how they free or keep nights. */
class HoldLifecycleTest {

  private final EngineFixture f = new EngineFixture();

  private ConfirmReservation.Result confirm(Reservation r) {
    return f.engine
        .confirmReservation()
        .execute(new ConfirmReservation.Command(r.code(), "admin:o@x.com"));
  }

  private ReservationStatus statusOf(Reservation r) {
    return f.stores.reservations().find(r.code()).orElseThrow().status();
  }

  @Test
  void holdsExpireOnlyOnceTheirTimeIsUpAndFreeTheirNights() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");

    f.clock.advance(Duration.ofMinutes(29));
    assertThat(f.engine.expireHolds().execute().codes()).isEmpty();

    f.clock.advance(Duration.ofMinutes(1));
    assertThat(f.engine.expireHolds().execute().codes()).containsExactly(hold.code());
    assertThat(statusOf(hold)).isEqualTo(ReservationStatus.EXPIRED);
    assertThat(f.eventsOf(hold)).containsExactly(EventType.HOLD_PLACED, EventType.HOLD_EXPIRED);
    assertThat(f.hold("2026-12-10", "2026-12-13", 2)).isInstanceOf(PlaceHold.HoldPlaced.class);
    assertThat(f.engine.expireHolds().execute().codes()).isEmpty();
  }

  @Test
  void confirmingAHoldIsIdempotentAndRecordsOneEvent() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");

    ConfirmReservation.Result first = confirm(hold);
    assertThat(first).isInstanceOf(ConfirmReservation.Confirmed.class);
    Reservation confirmed = ((ConfirmReservation.Confirmed) first).reservation();
    assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(confirmed.amountPaid()).isEqualTo(Money.ars(0));

    assertThat(confirm(hold)).isEqualTo(new ConfirmReservation.AlreadyConfirmed(confirmed));
    assertThat(f.eventsOf(hold)).containsExactly(EventType.HOLD_PLACED, EventType.CONFIRMED);
  }

  @Test
  void aConfirmedStayIsNotExpired() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    confirm(hold);
    f.clock.advance(Duration.ofHours(2));
    assertThat(f.engine.expireHolds().execute().codes()).isEmpty();
    assertThat(statusOf(hold)).isEqualTo(ReservationStatus.CONFIRMED);
  }

  @Test
  void aLatePaymentConfirmsAnExpiredHoldWhenItsNightsAreStillFree() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    f.clock.advance(Duration.ofMinutes(45));
    f.engine.expireHolds().execute();

    assertThat(confirm(hold)).isInstanceOf(ConfirmReservation.Confirmed.class);
    assertThat(statusOf(hold)).isEqualTo(ReservationStatus.CONFIRMED);
  }

  @Test
  void aLatePaymentForNightsSoldMeanwhileIsUnavailable() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    f.clock.advance(Duration.ofMinutes(45));
    f.engine.expireHolds().execute();
    Reservation taker = f.held("2026-12-12", "2026-12-14");

    ConfirmReservation.Result late = confirm(hold);

    assertThat(late).isInstanceOf(Unavailable.class);
    assertThat(((Unavailable) late).conflicts().getFirst().code()).isEqualTo(taker.code());
    assertThat(statusOf(hold)).isEqualTo(ReservationStatus.EXPIRED);
  }

  @Test
  void aHoldPastItsExpiryButNotYetSweptCanStillBeConfirmed() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    f.clock.advance(Duration.ofMinutes(31));
    assertThat(confirm(hold)).isInstanceOf(ConfirmReservation.Confirmed.class);
  }

  @Test
  void cancelledHoldsAndBlocksCannotBeConfirmed() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    f.engine.cancelReservation().execute(new CancelReservation.Command(hold.code(), "no", "guest"));
    assertThat(confirm(hold))
        .isEqualTo(new ConfirmReservation.NotConfirmable(ReservationStatus.CANCELLED));

    BlockDates.Result blocked =
        f.engine
            .blockDates()
            .execute(
                new BlockDates.Command(
                    f.cabin.id(),
                    StayPeriod.parse("2027-03-01", "2027-03-05"),
                    "obra",
                    "admin:o@x.com"));
    Reservation block = ((BlockDates.Blocked) blocked).block();
    assertThat(confirm(block))
        .isEqualTo(new ConfirmReservation.NotConfirmable(ReservationStatus.BLOCKED));
  }

  @Test
  void cancellingFreesTheNightsAndIsIdempotent() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    confirm(hold);

    CancelReservation.Result first =
        f.engine
            .cancelReservation()
            .execute(new CancelReservation.Command(hold.code(), "se enfermó", "admin:o@x.com"));
    assertThat(first).isInstanceOf(CancelReservation.Cancelled.class);
    assertThat(((CancelReservation.Cancelled) first).reservation().note()).isEqualTo("se enfermó");
    assertThat(f.hold("2026-12-10", "2026-12-13", 2)).isInstanceOf(PlaceHold.HoldPlaced.class);

    assertThat(
            f.engine
                .cancelReservation()
                .execute(new CancelReservation.Command(hold.code(), "x", "a")))
        .isInstanceOf(CancelReservation.AlreadyCancelled.class);
  }

  @Test
  void expiredHoldsCannotBeCancelled() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    f.clock.advance(Duration.ofHours(1));
    f.engine.expireHolds().execute();
    assertThat(
            f.engine
                .cancelReservation()
                .execute(new CancelReservation.Command(hold.code(), "x", "a")))
        .isEqualTo(new CancelReservation.NotCancellable(ReservationStatus.EXPIRED));
  }

  @Test
  void ownerBlocksTakeNightsOffSaleUntilUnblocked() {
    StayPeriod period = StayPeriod.parse("2026-12-10", "2026-12-20");
    BlockDates.Result blocked =
        f.engine
            .blockDates()
            .execute(new BlockDates.Command(f.cabin.id(), period, "pintura", "admin:o@x.com"));
    Reservation block = ((BlockDates.Blocked) blocked).block();
    assertThat(block.status()).isEqualTo(ReservationStatus.BLOCKED);
    assertThat(f.hold("2026-12-12", "2026-12-14", 2)).isInstanceOf(Unavailable.class);

    assertThat(
            f.engine
                .unblockDates()
                .execute(new UnblockDates.Command(block.code(), "admin:o@x.com")))
        .isInstanceOf(UnblockDates.Unblocked.class);
    assertThat(f.hold("2026-12-12", "2026-12-14", 2)).isInstanceOf(PlaceHold.HoldPlaced.class);
  }

  @Test
  void blockingTakenNightsIsUnavailableAndUnblockingABookingIsRefused() {
    Reservation hold = f.held("2026-12-10", "2026-12-13");
    assertThat(
            f.engine
                .blockDates()
                .execute(
                    new BlockDates.Command(
                        f.cabin.id(), StayPeriod.parse("2026-12-12", "2026-12-20"), "x", "a")))
        .isInstanceOf(Unavailable.class);
    assertThat(f.engine.unblockDates().execute(new UnblockDates.Command(hold.code(), "a")))
        .isInstanceOf(UnblockDates.NotABlock.class);
    assertThat(
            f.engine
                .blockDates()
                .execute(
                    new BlockDates.Command(
                        f.stores.accommodations().nextId(),
                        StayPeriod.parse("2026-12-12", "2026-12-20"),
                        "x",
                        "a")))
        .isInstanceOf(BlockDates.UnknownUnit.class);
  }

  @Test
  void unknownCodesAreNotFound() {
    var code = ar.booking.core.reservation.ReservationCode.random();
    assertThat(f.engine.confirmReservation().execute(new ConfirmReservation.Command(code, "a")))
        .isEqualTo(new ConfirmReservation.NotFound(code));
    assertThat(f.engine.cancelReservation().execute(new CancelReservation.Command(code, null, "a")))
        .isEqualTo(new CancelReservation.NotFound(code));
    assertThat(f.engine.unblockDates().execute(new UnblockDates.Command(code, "a")))
        .isEqualTo(new UnblockDates.NotFound(code));
  }
}
