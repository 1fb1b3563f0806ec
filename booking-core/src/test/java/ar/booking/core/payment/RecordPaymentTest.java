package ar.booking.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.CancelReservation;
import ar.booking.core.usecase.PlaceHold;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Payments confirm holds when they cover the deposit, add up afterwards, and never get lost. */
class RecordPaymentTest {

  private final MutableClock clock = new MutableClock(Fixtures.NOW);
  private final InMemoryStores stores = InMemoryStores.create();
  private final BookingEngine engine =
      new BookingEngine(
          stores.accommodations(),
          stores.reservations(),
          stores.transactions(),
          new InProcessBookingLocks(),
          BookingEvents.NONE,
          clock,
          BookingSettings.DEFAULT);
  private final RecordPayment recordPayment =
      new RecordPayment(stores.reservations(), stores.payments(), stores.transactions(), clock);
  private final Accommodation cabin = Fixtures.addCabin(stores.accommodations(), "Cabaña");

  private Reservation hold(String checkIn, String checkOut) {
    return ((PlaceHold.HoldPlaced)
            engine
                .placeHold()
                .execute(
                    new PlaceHold.Command(
                        cabin.id(),
                        StayPeriod.parse(checkIn, checkOut),
                        GuestCount.of(2),
                        Fixtures.guest("Ana"),
                        Channel.WHATSAPP)))
        .reservation();
  }

  private RecordPayment.Result pay(Reservation r, String id, Money amount, PaymentStatus status) {
    return recordPayment.execute(
        new RecordPayment.Command(
            r.code(),
            PaymentProvider.MERCADO_PAGO,
            id,
            amount,
            status,
            null,
            RecordPayment.ConfirmWhen.DEPOSIT_COVERED,
            "payment:mp:" + id));
  }

  private RecordPayment.Recorded recorded(RecordPayment.Result result) {
    assertThat(result).isInstanceOf(RecordPayment.Recorded.class);
    return (RecordPayment.Recorded) result;
  }

  @Test
  void anApprovedPaymentCoveringTheDepositConfirmsTheHold() {
    Reservation hold = hold("2026-12-10", "2026-12-13"); // total 39 000, deposit 11 700
    RecordPayment.Recorded paid =
        recorded(pay(hold, "1", Money.ars(11_700), PaymentStatus.APPROVED));

    assertThat(paid.confirmation()).isEqualTo(RecordPayment.Confirmation.CONFIRMED_NOW);
    assertThat(paid.reservation().status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(paid.reservation().amountPaid()).isEqualTo(Money.ars(11_700));
    assertThat(paid.reservation().depositDue()).contains(Money.ars(0));
  }

  @Test
  void aShortOrUnapprovedPaymentIsRecordedButDoesNotConfirm() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    assertThat(recorded(pay(hold, "1", Money.ars(5_000), PaymentStatus.APPROVED)).confirmation())
        .isEqualTo(RecordPayment.Confirmation.NOT_CONFIRMED);
    assertThat(recorded(pay(hold, "2", Money.ars(20_000), PaymentStatus.PENDING)).confirmation())
        .isEqualTo(RecordPayment.Confirmation.NOT_CONFIRMED);
    Reservation now = stores.reservations().find(hold.code()).orElseThrow();
    assertThat(now.status()).isEqualTo(ReservationStatus.PRE_RESERVED);
    assertThat(now.amountPaid()).isEqualTo(Money.ars(5_000));
    assertThat(now.depositDue()).contains(Money.ars(6_700));

    // The pending one is approved later: together they cover the deposit.
    assertThat(recorded(pay(hold, "2", Money.ars(20_000), PaymentStatus.APPROVED)).confirmation())
        .isEqualTo(RecordPayment.Confirmation.CONFIRMED_NOW);
  }

  @Test
  void theBalancePaidAfterConfirmationAddsToTheAmountPaid() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    pay(hold, "deposit", Money.ars(11_700), PaymentStatus.APPROVED);
    RecordPayment.Recorded balance =
        recorded(pay(hold, "balance", Money.ars(27_300), PaymentStatus.APPROVED));

    assertThat(balance.confirmation()).isEqualTo(RecordPayment.Confirmation.ALREADY_CONFIRMED);
    assertThat(balance.reservation().amountPaid()).isEqualTo(Money.ars(39_000));
    assertThat(stores.payments().ofReservation(hold.code())).hasSize(2);
  }

  @Test
  void theSameReportTwiceChangesNothing() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    pay(hold, "1", Money.ars(11_700), PaymentStatus.APPROVED);
    RecordPayment.Recorded again =
        recorded(pay(hold, "1", Money.ars(11_700), PaymentStatus.APPROVED));

    assertThat(again.change()).isInstanceOf(Payments.Unchanged.class);
    assertThat(again.reservation().amountPaid()).isEqualTo(Money.ars(11_700));
    assertThat(stores.events().stream(hold.code().value())).hasSize(3); // held, paid, confirmed
  }

  @Test
  void aPaymentInAnotherCurrencyIsRefusedAndNothingIsStored() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    Currency usd = Currency.getInstance("USD");
    RecordPayment.Result result = pay(hold, "usd", Money.of("30", usd), PaymentStatus.APPROVED);

    assertThat(result).isEqualTo(new RecordPayment.CurrencyMismatch(Money.ARS, usd));
    assertThat(stores.payments().ofReservation(hold.code())).isEmpty();
  }

  @Test
  void aLatePaymentConfirmsFreeNightsAndReportsTakenOnesWithTheMoneyKept() {
    Reservation late = hold("2026-12-10", "2026-12-13");
    Reservation sold = hold("2027-03-10", "2027-03-13");
    clock.advance(Duration.ofMinutes(45));
    engine.expireHolds().execute();
    Reservation taker = hold("2027-03-11", "2027-03-12");

    assertThat(recorded(pay(late, "a", Money.ars(20_000), PaymentStatus.APPROVED)).confirmation())
        .isEqualTo(RecordPayment.Confirmation.CONFIRMED_NOW);
    RecordPayment.Recorded taken =
        recorded(pay(sold, "b", Money.ars(20_000), PaymentStatus.APPROVED));
    assertThat(taken.confirmation()).isEqualTo(RecordPayment.Confirmation.NIGHTS_TAKEN);
    assertThat(taken.conflicts()).extracting(b -> b.code()).containsExactly(taker.code());
    assertThat(taken.reservation().status()).isEqualTo(ReservationStatus.EXPIRED);
    assertThat(taken.reservation().amountPaid()).isEqualTo(Money.ars(20_000));
  }

  @Test
  void aProvidersPaymentForACancelledBookingIsKeptTheOwnersIsRefused() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    engine.cancelReservation().execute(new CancelReservation.Command(hold.code(), "no", "guest"));

    assertThat(recorded(pay(hold, "mp", Money.ars(11_700), PaymentStatus.APPROVED)).confirmation())
        .isEqualTo(RecordPayment.Confirmation.BOOKING_CANCELLED);
    RecordPayment.Result manual =
        recordPayment.execute(
            new RecordPayment.Command(
                hold.code(),
                PaymentProvider.MANUAL,
                "cash-1",
                Money.ars(1_000),
                PaymentStatus.APPROVED,
                null,
                RecordPayment.ConfirmWhen.ALWAYS,
                "admin:o@x.com"));
    assertThat(manual).isInstanceOf(RecordPayment.NotPayable.class);
    assertThat(stores.payments().ofReservation(hold.code())).hasSize(1);
  }

  @Test
  void theOwnersPaymentConfirmsWhateverTheAmount() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    RecordPayment.Recorded cash =
        recorded(
            recordPayment.execute(
                new RecordPayment.Command(
                    hold.code(),
                    PaymentProvider.MANUAL,
                    "cash-1",
                    Money.ars(1_000),
                    PaymentStatus.APPROVED,
                    null,
                    RecordPayment.ConfirmWhen.ALWAYS,
                    "admin:o@x.com")));
    assertThat(cash.confirmation()).isEqualTo(RecordPayment.Confirmation.CONFIRMED_NOW);
    assertThat(cash.reservation().amountPaid()).isEqualTo(Money.ars(1_000));
  }
}
