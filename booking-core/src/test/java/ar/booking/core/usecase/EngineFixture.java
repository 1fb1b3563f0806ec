package ar.booking.core.usecase;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.testing.RecordingEvents;

/** A booking engine on in-memory stores with a hand-moved clock. */
final class EngineFixture {
  final MutableClock clock = new MutableClock(Fixtures.NOW);
  final InMemoryStores stores = InMemoryStores.create();
  final RecordingEvents events = new RecordingEvents();
  final BookingEngine engine;
  final Accommodation cabin;

  EngineFixture() {
    this(new InProcessBookingLocks());
  }

  EngineFixture(BookingLocks locks) {
    engine =
        new BookingEngine(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            locks,
            events,
            clock,
            BookingSettings.DEFAULT);
    cabin = Fixtures.addCabin(stores.accommodations(), "Cabaña del Lago");
  }

  PlaceHold.Result hold(String checkIn, String checkOut, int guests) {
    return engine
        .placeHold()
        .execute(
            new PlaceHold.Command(
                cabin.id(),
                StayPeriod.parse(checkIn, checkOut),
                GuestCount.of(guests),
                Fixtures.guest("Ana"),
                Channel.WHATSAPP));
  }

  /** The durable events of a reservation, in order. */
  java.util.List<ar.booking.core.event.EventType> eventsOf(Reservation r) {
    return stores.events().stream(r.code().value()).stream()
        .map(ar.booking.core.event.DomainEvent::type)
        .toList();
  }

  Reservation held(String checkIn, String checkOut) {
    return ((PlaceHold.HoldPlaced) hold(checkIn, checkOut, 2)).reservation();
  }
}
