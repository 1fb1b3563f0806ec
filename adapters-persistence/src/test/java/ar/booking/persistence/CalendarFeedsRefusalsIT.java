package ar.booking.persistence;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.FeedEvent;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.ImportedEvent;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.StorageFailure;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only {@value JdbiCalendarFeeds#EVENT_UID_UNIQUE} is read as "this feed already holds that UID":
 * another unique index refusing an event is a clear failure, never mistaken for it.
 */
class CalendarFeedsRefusalsIT {

  private final PostgresStores stores = SharedStores.get();
  private final CalendarFeeds feeds = stores.calendarFeeds();

  @Test
  void aStayClaimedByTwoEventsIsAFailureNotADuplicateUid() {
    Accommodation unit = addCabin(stores.accommodations(), "Cabaña " + UUID.randomUUID());
    CalendarFeed feed =
        ((CalendarFeeds.Added)
                feeds.add(unit.id(), FeedSource.AIRBNB, URI.create("https://a.example/x.ics"), NOW))
            .feed();
    Reservation stay =
        ((Reservations.Inserted)
                stores
                    .reservations()
                    .insert(
                        Reservation.importedStay(
                            ReservationCode.random(),
                            unit.id(),
                            period("2026-12-10", "2026-12-13"),
                            Channel.AIRBNB,
                            "one",
                            "Reserved",
                            NOW),
                        "system:ical"))
            .reservation();
    feeds.insertImported(
        feed.id(),
        ImportedEvent.seen(FeedEvent.of("one", "2026-12-10", "2026-12-13", ""), stay.code(), NOW));

    assertThatThrownBy(
            () ->
                feeds.insertImported(
                    feed.id(),
                    ImportedEvent.seen(
                        FeedEvent.of("two", "2026-12-10", "2026-12-13", ""), stay.code(), NOW)))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("calendar_imported_event_stay_unique")
        .satisfies(f -> assertThat(((StorageFailure) f).retryable()).isFalse());
    assertThat(
            feeds.insertImported(
                feed.id(),
                ImportedEvent.seen(FeedEvent.of("one", "2026-12-10", "2026-12-13", ""), null, NOW)))
        .isEqualTo(new CalendarFeeds.DuplicateUid(feed.id(), "one"));
  }

  @Test
  void aUnitImportsAUrlOnceByTheNamedConstraint() {
    Accommodation unit = addCabin(stores.accommodations(), "Cabaña " + UUID.randomUUID());
    URI url = URI.create("https://b.example/x.ics");
    feeds.add(unit.id(), FeedSource.BOOKING, url, NOW);

    assertThat(feeds.add(unit.id(), FeedSource.VRBO, url, NOW))
        .isEqualTo(new CalendarFeeds.DuplicateUrl(unit.id(), url));
  }
}
