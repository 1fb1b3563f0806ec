package ar.booking.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.PlaceHold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hold's link is created once, stored, and reused. */
class IssuePaymentLinkTest {

  private final MutableClock clock = new MutableClock(Fixtures.NOW);
  private final InMemoryStores stores = InMemoryStores.create();
  private final List<PaymentGateway.LinkRequest> requests = new ArrayList<>();
  private final PaymentGateway gateway =
      request -> {
        requests.add(request);
        return new PaymentGateway.Created(
            new PaymentLink(
                request.code(),
                "https://pay/" + requests.size(),
                request.amount(),
                request.expiresAt(),
                "pref-" + requests.size()));
      };

  @Test
  void theLinkIsStoredAndReusedNotRecreated() {
    Accommodation cabin = Fixtures.addCabin(stores.accommodations(), "Cabaña del Lago");
    BookingEngine engine =
        new BookingEngine(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            new InProcessBookingLocks(),
            BookingEvents.NONE,
            clock,
            BookingSettings.DEFAULT);
    Reservation hold =
        ((PlaceHold.HoldPlaced)
                engine
                    .placeHold()
                    .execute(
                        new PlaceHold.Command(
                            cabin.id(),
                            StayPeriod.parse("2026-12-10", "2026-12-13"),
                            GuestCount.of(2),
                            Fixtures.guest("Ana"),
                            Channel.WHATSAPP)))
            .reservation();
    IssuePaymentLink issue =
        new IssuePaymentLink(
            stores.reservations(), stores.accommodations(), gateway, clock, stores.paymentLinks());

    IssuePaymentLink.Outcome first = issue.issue(hold.code());
    IssuePaymentLink.Outcome second = issue.issue(hold.code());

    assertThat(first).isEqualTo(second);
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).amount()).isEqualTo(Money.ars(11_700));
    assertThat(requests.get(0).title()).isEqualTo("Cabaña del Lago 10/12-13/12 (3 noches)");
    assertThat(requests.get(0).expiresAt()).isEqualTo(hold.holdExpiresAt());
    assertThat(stores.paymentLinks().find(hold.code()))
        .contains(((IssuePaymentLink.Issued) first).link());
  }
}
