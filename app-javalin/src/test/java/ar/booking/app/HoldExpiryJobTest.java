package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.metrics.Metrics;
import ar.booking.app.metrics.MetricsBookingEvents;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.PlaceHold;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HoldExpiryJobTest {

  @Test
  void aPassReleasesHoldsWhoseTimeIsUpAndCountsThem() {
    MutableClock clock = new MutableClock(Fixtures.NOW);
    InMemoryStores stores = InMemoryStores.create();
    try (Metrics metrics = new Metrics()) {
      BookingEngine engine =
          new BookingEngine(
              stores.accommodations(),
              stores.reservations(),
              stores.transactions(),
              new InProcessBookingLocks(),
              new MetricsBookingEvents(metrics.registry()),
              clock,
              BookingSettings.DEFAULT.withHoldTtl(Duration.ofMinutes(30)));
      Accommodation cabin = Fixtures.addCabin(stores.accommodations(), "Cabaña del Lago");
      var placed =
          (PlaceHold.HoldPlaced)
              engine
                  .placeHold()
                  .execute(
                      new PlaceHold.Command(
                          cabin.id(),
                          StayPeriod.parse("2026-12-10", "2026-12-12"),
                          GuestCount.of(2),
                          Fixtures.guest("Ana"),
                          Channel.WHATSAPP));
      HoldExpiryJob job = new HoldExpiryJob(engine.expireHolds(), Duration.ofMinutes(1));

      job.runOnce();
      assertThat(stores.reservations().find(placed.reservation().code()).orElseThrow().status())
          .isEqualTo(ReservationStatus.PRE_RESERVED);

      clock.advance(Duration.ofMinutes(31));
      job.runOnce();
      assertThat(stores.reservations().find(placed.reservation().code()).orElseThrow().status())
          .isEqualTo(ReservationStatus.EXPIRED);
      assertThat(metrics.scrape())
          .contains("reservations_created_total{channel=\"whatsapp\"} 1.0")
          .contains("reservations_expired_total 1.0");
      job.close();
    }
  }
}
