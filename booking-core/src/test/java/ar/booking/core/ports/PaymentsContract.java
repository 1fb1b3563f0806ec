package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.Payments;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.Money;
import ar.booking.core.testing.StoreBundle;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Payments} store guarantees: idempotent recording keyed by provider and id,
 * newer reports update, events with every change, and a reservation's amount paid derived from its
 * approved payments minus refunds.
 */
public abstract class PaymentsContract {

  protected abstract StoreBundle stores();

  private StoreBundle s;
  private Reservation booking;

  @BeforeEach
  void setUp() {
    s = stores();
    Accommodation unit = addCabin(s.accommodations(), "Cabaña " + UUID.randomUUID());
    booking =
        ((Reservations.Inserted)
                s.reservations().insert(hold(unit, period("2026-12-10", "2026-12-13")), "test"))
            .reservation();
  }

  private Payment payment(String id, long amount, PaymentStatus status, long refunded) {
    return Payment.of(
        PaymentProvider.MERCADO_PAGO,
        id,
        booking.code(),
        Money.ars(amount),
        status,
        Money.ars(refunded),
        NOW);
  }

  private Money paid() {
    return s.reservations().find(booking.code()).orElseThrow().amountPaid();
  }

  @Test
  void theSameReportTwiceIsStoredOnce() {
    String id = "mp-" + UUID.randomUUID();
    Payments.RecordOutcome first =
        s.payments().record(payment(id, 11_700, PaymentStatus.APPROVED, 0), "t");
    Payments.RecordOutcome again =
        s.payments().record(payment(id, 11_700, PaymentStatus.APPROVED, 0), "t");

    assertThat(first).isInstanceOf(Payments.Created.class);
    assertThat(first.payment().id()).isPositive();
    assertThat(again).isEqualTo(new Payments.Unchanged(first.payment()));
    assertThat(s.payments().ofReservation(booking.code())).containsExactly(first.payment());
    assertThat(s.payments().find(PaymentProvider.MERCADO_PAGO, id)).contains(first.payment());
    assertThat(s.payments().find(PaymentProvider.MANUAL, id)).isEmpty();
    assertThat(s.events().stream(booking.code().value()))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.HOLD_PLACED, EventType.PAYMENT_RECORDED);
  }

  @Test
  void aNewerReportUpdatesThePaymentAndRecordsWhatChanged() {
    String id = "mp-" + UUID.randomUUID();
    Payment pending =
        s.payments().record(payment(id, 11_700, PaymentStatus.PENDING, 0), "t").payment();

    Payments.RecordOutcome approved =
        s.payments().record(payment(id, 11_700, PaymentStatus.APPROVED, 0), "payment:mp");

    assertThat(approved).isInstanceOf(Payments.Changed.class);
    Payment now = approved.payment();
    assertThat(now.id()).isEqualTo(pending.id());
    assertThat(now.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(now.approvedAt()).isNotNull();
    assertThat(((Payments.Changed) approved).before().status()).isEqualTo(PaymentStatus.PENDING);
    DomainEvent last = s.events().stream(booking.code().value()).getLast();
    assertThat(last.type()).isEqualTo(EventType.PAYMENT_UPDATED);
    assertThat(last.data())
        .containsEntry("previous_status", "PENDING")
        .containsEntry("status", "APPROVED")
        .containsEntry("payment_id", id)
        .containsEntry("amount", "11700.00");
  }

  @Test
  void theLatestPaymentsComeNewestFirst() {
    Payment first =
        s.payments()
            .record(payment("l1-" + UUID.randomUUID(), 1_000, PaymentStatus.APPROVED, 0), "t")
            .payment();
    Payment second =
        s.payments()
            .record(payment("l2-" + UUID.randomUUID(), 2_000, PaymentStatus.PENDING, 0), "t")
            .payment();
    Payment third =
        s.payments()
            .record(payment("l3-" + UUID.randomUUID(), 3_000, PaymentStatus.REJECTED, 0), "t")
            .payment();

    assertThat(s.payments().latest(2)).containsExactly(third, second);
    assertThat(s.payments().latest(10)).startsWith(third, second, first);
    assertThat(s.payments().latest(0)).isEmpty();
  }

  @Test
  void theAmountPaidIsTheApprovedPaymentsLessRefunds() {
    assertThat(paid()).isEqualTo(Money.ars(0));
    s.payments().record(payment("a-" + UUID.randomUUID(), 10_000, PaymentStatus.APPROVED, 0), "t");
    s.payments().record(payment("b-" + UUID.randomUUID(), 5_000, PaymentStatus.REJECTED, 0), "t");
    s.payments().record(payment("c-" + UUID.randomUUID(), 3_000, PaymentStatus.PENDING, 0), "t");
    String partly = "d-" + UUID.randomUUID();
    s.payments().record(payment(partly, 4_000, PaymentStatus.APPROVED, 0), "t");
    assertThat(paid()).isEqualTo(Money.ars(14_000));

    s.payments().record(payment(partly, 4_000, PaymentStatus.APPROVED, 1_500), "refund");
    assertThat(paid()).isEqualTo(Money.ars(12_500));
    s.payments().record(payment(partly, 4_000, PaymentStatus.REFUNDED, 4_000), "refund");
    assertThat(paid()).isEqualTo(Money.ars(10_000));
  }

  @Test
  void theSameIdAtAnotherProviderIsAnotherPayment() {
    String id = "same-" + UUID.randomUUID();
    s.payments().record(payment(id, 1_000, PaymentStatus.APPROVED, 0), "t");
    Payments.RecordOutcome manual =
        s.payments()
            .record(
                Payment.of(
                    PaymentProvider.MANUAL,
                    id,
                    booking.code(),
                    Money.ars(2_000),
                    PaymentStatus.APPROVED,
                    null,
                    NOW),
                "admin");
    assertThat(manual).isInstanceOf(Payments.Created.class);
    assertThat(paid()).isEqualTo(Money.ars(3_000));
  }
}
