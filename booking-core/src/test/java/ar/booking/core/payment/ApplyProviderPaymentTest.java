package ar.booking.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.PlaceHold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core's decision on a payment read from the provider, on in-memory stores. */
class ApplyProviderPaymentTest {

  /** A provider stand-in that records refunds; it never answers lookups (not needed here). */
  private static final class Refunds implements ProviderPayments {
    final List<String> keys = new ArrayList<>();
    boolean refuse;

    @Override
    public Optional<ProviderPayment> payment(String providerPaymentId) {
      return Optional.empty();
    }

    @Override
    public List<ProviderPayment> search(ReservationCode code) {
      return List.of();
    }

    @Override
    public RefundOutcome refund(String providerPaymentId, Money amount, String idempotencyKey) {
      keys.add(idempotencyKey);
      return refuse
          ? new RefundRefused("down", true)
          : new Refunded("r-" + providerPaymentId, Money.ars(1));
    }
  }

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
  private final Refunds provider = new Refunds();
  private final Accommodation cabin = Fixtures.addCabin(stores.accommodations(), "Cabaña");

  private ApplyProviderPayment apply(ApplyProviderPayment.LatePolicy policy) {
    return new ApplyProviderPayment(
        stores.reservations(),
        stores.payments(),
        stores.paymentLinks(),
        stores.events(),
        provider,
        stores.transactions(),
        clock,
        new ApplyProviderPayment.Settings(policy, Duration.ofMinutes(60)));
  }

  private final ApplyProviderPayment owner = apply(ApplyProviderPayment.LatePolicy.OWNER);

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

  private static ProviderPayment paid(String id, Reservation r, long amount, PaymentStatus s) {
    return new ProviderPayment(
        id, s, null, r == null ? "NOPE" : r.code().value(), Money.ars(amount), null, Fixtures.NOW);
  }

  private Reservation now(Reservation r) {
    return stores.reservations().find(r.code()).orElseThrow();
  }

  private List<DomainEvent> events(Reservation r, EventType type) {
    return stores.events().stream(r.code().value()).stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void anApprovedPaymentCoveringTheDepositConfirmsOnceHoweverOftenItIsApplied() {
    Reservation hold = hold("2026-12-10", "2026-12-13"); // deposit 11 700
    ApplyProviderPayment.Applied first =
        owner.apply(paid("1", hold, 11_700, PaymentStatus.APPROVED));
    ApplyProviderPayment.Applied again =
        owner.apply(paid("1", hold, 11_700, PaymentStatus.APPROVED));

    assertThat(first.decision()).isEqualTo(ApplyProviderPayment.Decision.CONFIRMED);
    assertThat(first.news()).isTrue();
    assertThat(again.news()).isFalse();
    assertThat(now(hold).status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(now(hold).amountPaid()).isEqualTo(Money.ars(11_700));
    assertThat(stores.payments().ofReservation(hold.code())).hasSize(1);
  }

  @Test
  void aBalancePaymentAddsToTheAmountPaid() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    owner.apply(paid("1", hold, 11_700, PaymentStatus.APPROVED));
    ApplyProviderPayment.Applied balance =
        owner.apply(paid("2", hold, 27_300, PaymentStatus.APPROVED));

    assertThat(balance.decision()).isEqualTo(ApplyProviderPayment.Decision.ADDED);
    assertThat(now(hold).amountPaid()).isEqualTo(Money.ars(39_000));
  }

  @Test
  void aShortPaymentIsRecordedNotConfirmedAndTheOwnerAlertedOnce() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    ApplyProviderPayment.Applied shortPay =
        owner.apply(paid("1", hold, 5_000, PaymentStatus.APPROVED));
    owner.apply(paid("1", hold, 5_000, PaymentStatus.APPROVED));

    assertThat(shortPay.decision()).isEqualTo(ApplyProviderPayment.Decision.SHORT);
    assertThat(now(hold).status()).isEqualTo(ReservationStatus.PRE_RESERVED);
    assertThat(events(hold, EventType.PAYMENT_ANOMALY))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("kind")).isEqualTo("short");
              assertThat(e.get("due")).isEqualTo("6700.00");
              assertThat(e.get("guest_wa_id")).isNotBlank();
            });
  }

  @Test
  void anotherCurrencyIsRecordedNotCountedNotConfirmed() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    ApplyProviderPayment.Applied usd =
        owner.apply(
            new ProviderPayment(
                "u",
                PaymentStatus.APPROVED,
                null,
                hold.code().value(),
                Money.of("20000", Currency.getInstance("USD")),
                null,
                Fixtures.NOW));

    assertThat(usd.decision()).isEqualTo(ApplyProviderPayment.Decision.CURRENCY);
    assertThat(now(hold).status()).isEqualTo(ReservationStatus.PRE_RESERVED);
    assertThat(now(hold).amountPaid()).isEqualTo(Money.ars(0));
    assertThat(stores.payments().ofReservation(hold.code())).hasSize(1);
    assertThat(events(hold, EventType.PAYMENT_ANOMALY))
        .extracting(e -> e.get("kind"))
        .containsExactly("currency");
  }

  @Test
  void aLatePaymentConfirmsFreeNightsAndFlagsTakenOnesForTheOwner() {
    Reservation free = hold("2026-12-10", "2026-12-13");
    Reservation sold = hold("2027-03-10", "2027-03-13");
    clock.advance(Duration.ofMinutes(45));
    engine.expireHolds().execute();
    hold("2027-03-11", "2027-03-12");

    assertThat(owner.apply(paid("a", free, 11_700, PaymentStatus.APPROVED)).decision())
        .isEqualTo(ApplyProviderPayment.Decision.LATE_CONFIRMED);
    assertThat(owner.apply(paid("b", sold, 11_700, PaymentStatus.APPROVED)).decision())
        .isEqualTo(ApplyProviderPayment.Decision.LATE_OWNER);
    owner.apply(paid("b", sold, 11_700, PaymentStatus.APPROVED));

    assertThat(now(free).status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(now(sold).status()).isEqualTo(ReservationStatus.EXPIRED);
    assertThat(stores.paymentLinks().flag(sold.code())).contains("late");
    assertThat(events(sold, EventType.PAYMENT_ANOMALY))
        .extracting(e -> e.get("kind"))
        .containsExactly("late");
    assertThat(provider.keys).isEmpty();
  }

  @Test
  void underTheRefundPolicyALatePaymentForTakenNightsIsRefundedOnce() {
    Reservation sold = hold("2027-03-10", "2027-03-13");
    clock.advance(Duration.ofMinutes(45));
    engine.expireHolds().execute();
    hold("2027-03-11", "2027-03-12");
    ApplyProviderPayment refund = apply(ApplyProviderPayment.LatePolicy.REFUND);

    ApplyProviderPayment.Applied first =
        refund.apply(paid("b", sold, 11_700, PaymentStatus.APPROVED));
    ApplyProviderPayment.Applied afterwards =
        refund.apply(
            new ProviderPayment(
                "b",
                PaymentStatus.REFUNDED,
                null,
                sold.code().value(),
                Money.ars(11_700),
                Money.ars(11_700),
                Fixtures.NOW));

    assertThat(first.decision()).isEqualTo(ApplyProviderPayment.Decision.LATE_REFUNDED);
    assertThat(afterwards.news()).isFalse();
    assertThat(provider.keys).containsExactly("late-refund:b");
    assertThat(stores.payments().ofReservation(sold.code()))
        .singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.REFUNDED));
    assertThat(events(sold, EventType.PAYMENT_ANOMALY))
        .extracting(e -> e.get("kind"))
        .containsExactly("late_refunded");
  }

  @Test
  void aRefundTheProviderRefusesFallsBackToTheOwner() {
    Reservation sold = hold("2027-03-10", "2027-03-13");
    clock.advance(Duration.ofMinutes(45));
    engine.expireHolds().execute();
    hold("2027-03-11", "2027-03-12");
    provider.refuse = true;

    assertThat(
            apply(ApplyProviderPayment.LatePolicy.REFUND)
                .apply(paid("b", sold, 11_700, PaymentStatus.APPROVED))
                .decision())
        .isEqualTo(ApplyProviderPayment.Decision.LATE_OWNER);
    assertThat(events(sold, EventType.PAYMENT_ANOMALY))
        .singleElement()
        .satisfies(e -> assertThat(e.get("refund_failed")).isEqualTo("down"));
  }

  @Test
  void aPendingPaymentExtendsTheHoldOnceThenApprovedConfirms() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    clock.advance(Duration.ofMinutes(20));
    owner.apply(paid("p", hold, 11_700, PaymentStatus.PENDING));
    Reservation extended = now(hold);
    owner.apply(paid("p", hold, 11_700, PaymentStatus.IN_PROCESS));

    assertThat(extended.holdExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
    assertThat(now(hold).holdExpiresAt()).isEqualTo(extended.holdExpiresAt());
    assertThat(events(hold, EventType.PAYMENT_PENDING)).hasSize(2);
    assertThat(events(hold, EventType.PAYMENT_PENDING).get(0).get("hold_expires_at"))
        .isEqualTo(extended.holdExpiresAt().toString());

    assertThat(owner.apply(paid("p", hold, 11_700, PaymentStatus.APPROVED)).decision())
        .isEqualTo(ApplyProviderPayment.Decision.CONFIRMED);
    assertThat(now(hold).status()).isEqualTo(ReservationStatus.CONFIRMED);
  }

  @Test
  void aRejectedPaymentTellsTheGuestWithTheStoredLinkWhileTheHoldLasts() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    stores
        .paymentLinks()
        .save(
            new PaymentLink(
                hold.code(), "https://mp/x", Money.ars(11_700), hold.holdExpiresAt(), "pref"),
            Fixtures.NOW);
    ApplyProviderPayment.Applied rejected =
        owner.apply(paid("r", hold, 11_700, PaymentStatus.REJECTED));
    owner.apply(paid("r", hold, 11_700, PaymentStatus.REJECTED));

    assertThat(rejected.decision()).isEqualTo(ApplyProviderPayment.Decision.FAILED);
    assertThat(events(hold, EventType.PAYMENT_FAILED))
        .singleElement()
        .satisfies(e -> assertThat(e.get("link")).isEqualTo("https://mp/x"));
    assertThat(now(hold).status()).isEqualTo(ReservationStatus.PRE_RESERVED);
  }

  @Test
  void aChargebackAfterConfirmationIsRecordedFlaggedAndAlertedNotCancelled() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    owner.apply(paid("c", hold, 11_700, PaymentStatus.APPROVED));
    ApplyProviderPayment.Applied back =
        owner.apply(paid("c", hold, 11_700, PaymentStatus.CHARGED_BACK));
    owner.apply(paid("c", hold, 11_700, PaymentStatus.CHARGED_BACK));

    assertThat(back.decision()).isEqualTo(ApplyProviderPayment.Decision.REVERSED);
    assertThat(now(hold).status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(now(hold).amountPaid()).isEqualTo(Money.ars(0));
    assertThat(stores.paymentLinks().flag(hold.code())).contains("charged_back:c");
    assertThat(events(hold, EventType.PAYMENT_ANOMALY))
        .extracting(e -> e.get("kind"))
        .containsExactly("charged_back");
  }

  @Test
  void anUnknownReferenceIsStoredAsAnOrphanAndAlertedOnce() {
    ApplyProviderPayment.Applied orphan =
        owner.apply(paid("o", null, 5_000, PaymentStatus.APPROVED));
    owner.apply(paid("o", null, 5_000, PaymentStatus.APPROVED));

    assertThat(orphan.decision()).isEqualTo(ApplyProviderPayment.Decision.ORPHAN);
    assertThat(orphan.news()).isTrue();
    assertThat(stores.payments().find(PaymentProvider.MERCADO_PAGO, "o")).isPresent();
    assertThat(stores.events().stream("payment:MERCADO_PAGO:o"))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.PAYMENT_RECORDED, EventType.PAYMENT_ANOMALY);
    assertThat(stores.events().stream("payment:MERCADO_PAGO:o").get(1).get("kind"))
        .isEqualTo("orphan");
  }

  @Test
  void outOfOrderStatesEndAtTheProvidersCurrentOne() {
    Reservation hold = hold("2026-12-10", "2026-12-13");
    owner.apply(paid("x", hold, 11_700, PaymentStatus.APPROVED));
    // a late "payment.created" notification re-reads the payment: the provider says approved
    ApplyProviderPayment.Applied replay =
        owner.apply(paid("x", hold, 11_700, PaymentStatus.APPROVED));

    assertThat(replay.news()).isFalse();
    assertThat(now(hold).status()).isEqualTo(ReservationStatus.CONFIRMED);
  }
}
