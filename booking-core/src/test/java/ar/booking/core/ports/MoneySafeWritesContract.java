package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.addCabin;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.RecordPayment;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.testing.PausingReservations;
import ar.booking.core.testing.StoreBundle;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.CancelReservation;
import ar.booking.core.usecase.ConfirmReservation;
import ar.booking.core.usecase.PlaceHold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two writers of one booking, interleaved on purpose: one reads, the other writes and commits, the
 * first writes from its stale read. Whatever the order, nothing is lost (the payment stays, the
 * confirmation stays) and the booking ends in a state the status machine allows.
 */
public abstract class MoneySafeWritesContract {

  protected abstract StoreBundle stores();

  private StoreBundle s;
  private Accommodation unit;
  private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @BeforeEach
  void setUp() {
    s = stores();
    unit = addCabin(s.accommodations(), "Cabaña " + UUID.randomUUID());
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  private BookingEngine engine(Reservations reservations) {
    return new BookingEngine(
        s.accommodations(),
        reservations,
        s.transactions(),
        new InProcessBookingLocks(),
        BookingEvents.NONE,
        clock,
        BookingSettings.DEFAULT);
  }

  private Reservation placeHold() {
    var today = unit.today(clock.instant());
    return ((PlaceHold.HoldPlaced)
            engine(s.reservations())
                .placeHold()
                .execute(
                    new PlaceHold.Command(
                        unit.id(),
                        ar.booking.core.stay.StayPeriod.of(today.plusDays(20), 3),
                        GuestCount.of(2),
                        Fixtures.guest("Ana"),
                        Channel.WHATSAPP)))
        .reservation();
  }

  private RecordPayment.Result pay(Reservations reservations, Reservation hold, String id) {
    return new RecordPayment(reservations, s.payments(), s.transactions(), clock)
        .execute(
            new RecordPayment.Command(
                hold.code(),
                PaymentProvider.MERCADO_PAGO,
                id,
                hold.quote().deposit(),
                PaymentStatus.APPROVED,
                null,
                RecordPayment.ConfirmWhen.DEPOSIT_COVERED,
                "payment:mp:" + id));
  }

  private Reservation stored(Reservation r) {
    return s.reservations().find(r.code()).orElseThrow();
  }

  private List<EventType> timeline(Reservation r) {
    return s.events().stream(r.code().value()).stream().map(DomainEvent::type).toList();
  }

  @Test
  void anExpiryDecidedBeforeAPaymentDoesNotUndoIt() throws Exception {
    Reservation hold = placeHold();
    clock.advance(Duration.ofMinutes(31));
    PausingReservations pausing =
        new PausingReservations(s.reservations(), "system:expiry", hold.code());

    Future<List<ar.booking.core.reservation.ReservationCode>> expiry =
        pool.submit(() -> engine(pausing).expireHolds().execute().codes());
    pausing.awaitPaused(); // it read the hold as due
    RecordPayment.Result paid = pay(s.reservations(), hold, "mp-" + UUID.randomUUID());
    pausing.release();

    assertThat(expiry.get()).doesNotContain(hold.code());
    assertThat(paid)
        .isInstanceOfSatisfying(
            RecordPayment.Recorded.class,
            r -> assertThat(r.confirmation()).isEqualTo(RecordPayment.Confirmation.CONFIRMED_NOW));
    Reservation now = stored(hold);
    assertThat(now.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(now.amountPaid()).isEqualTo(hold.quote().deposit());
    assertThat(timeline(hold))
        .containsExactly(EventType.HOLD_PLACED, EventType.PAYMENT_RECORDED, EventType.CONFIRMED);
  }

  @Test
  void aPaymentDecidedBeforeAnExpiryStillConfirmsTheFreeNights() throws Exception {
    Reservation hold = placeHold();
    clock.advance(Duration.ofMinutes(31));
    PausingReservations pausing =
        new PausingReservations(s.reservations(), "payment:", hold.code());

    Future<RecordPayment.Result> payment =
        pool.submit(() -> pay(pausing, hold, "mp-" + UUID.randomUUID()));
    pausing.awaitPaused(); // payment recorded, about to confirm what it read
    assertThat(engine(s.reservations()).expireHolds().execute().codes()).contains(hold.code());
    pausing.release();

    assertThat(payment.get())
        .isInstanceOfSatisfying(
            RecordPayment.Recorded.class,
            r -> assertThat(r.confirmation()).isEqualTo(RecordPayment.Confirmation.CONFIRMED_NOW));
    Reservation now = stored(hold);
    assertThat(now.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(now.amountPaid()).isEqualTo(hold.quote().deposit());
    assertThat(timeline(hold))
        .containsExactlyInAnyOrder(
            EventType.HOLD_PLACED,
            EventType.PAYMENT_RECORDED,
            EventType.HOLD_EXPIRED,
            EventType.CONFIRMED)
        .endsWith(EventType.CONFIRMED);
  }

  @Test
  void aCancelDecidedBeforeAConfirmCancelsTheConfirmedBooking() throws Exception {
    Reservation hold = placeHold();
    PausingReservations pausing =
        new PausingReservations(s.reservations(), "admin:cancel", hold.code());

    Future<CancelReservation.Result> cancel =
        pool.submit(
            () ->
                engine(pausing)
                    .cancelReservation()
                    .execute(new CancelReservation.Command(hold.code(), "pidió", "admin:cancel")));
    pausing.awaitPaused();
    assertThat(
            engine(s.reservations())
                .confirmReservation()
                .execute(new ConfirmReservation.Command(hold.code(), "admin:confirm")))
        .isInstanceOf(ConfirmReservation.Confirmed.class);
    pausing.release();

    assertThat(cancel.get()).isInstanceOf(CancelReservation.Cancelled.class);
    assertThat(stored(hold).status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(timeline(hold))
        .containsExactly(EventType.HOLD_PLACED, EventType.CONFIRMED, EventType.CANCELLED);
  }

  @Test
  void aConfirmDecidedBeforeACancelFindsItCancelled() throws Exception {
    Reservation hold = placeHold();
    PausingReservations pausing =
        new PausingReservations(s.reservations(), "admin:confirm", hold.code());

    Future<ConfirmReservation.Result> confirm =
        pool.submit(
            () ->
                engine(pausing)
                    .confirmReservation()
                    .execute(new ConfirmReservation.Command(hold.code(), "admin:confirm")));
    pausing.awaitPaused();
    engine(s.reservations())
        .cancelReservation()
        .execute(new CancelReservation.Command(hold.code(), "pidió", "admin:cancel"));
    pausing.release();

    assertThat(confirm.get())
        .isEqualTo(new ConfirmReservation.NotConfirmable(ReservationStatus.CANCELLED));
    assertThat(stored(hold).status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(timeline(hold)).containsExactly(EventType.HOLD_PLACED, EventType.CANCELLED);
  }
}
