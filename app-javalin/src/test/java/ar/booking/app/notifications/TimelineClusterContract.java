package ar.booking.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.app.Adapters;
import ar.booking.app.BookingApp;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.scheduling.JobSchedule;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances on shared stores, with one of them replaced midway: every step of a stay's
 * timeline happens once. Run on the in-memory stores ({@link TimelineClusterTest}) and on
 * PostgreSQL ({@link TimelineClusterIT}).
 */
abstract class TimelineClusterContract {

  private static final String OWNER_WA = "5492944999999";
  private static final String GUEST_WA = "5492944000000";

  /** The ports every instance shares. */
  record Shared(
      Accommodations accommodations,
      Reservations reservations,
      EventLog events,
      JobSchedule jobSchedule,
      Outbox outbox) {}

  protected final InMemoryOwnerAccounts accounts = new InMemoryOwnerAccounts();
  protected final ShiftableClock clock = new ShiftableClock(Fixtures.NOW);
  private final List<BookingApp> apps = new ArrayList<>();
  private Shared stores;

  /** The shared ports (called once per test). */
  protected abstract Shared shared();

  /** The adapters of one more instance on the shared stores. */
  protected abstract Adapters adapters();

  @BeforeEach
  void share() {
    stores = shared();
  }

  @AfterEach
  void stopAll() {
    apps.forEach(BookingApp::stop);
    closeShared();
  }

  /** Closes the shared stores, after every instance stopped. */
  protected void closeShared() {}

  private BookingApp start() {
    Map<String, String> env = NotificationApps.env();
    env.put("OWNER_WHATSAPP", OWNER_WA);
    env.put("HOLD_REMINDER_MINUTES", "10");
    env.put("PRE_ARRIVAL_HOUR", "18");
    BookingApp app = NotificationApps.start(adapters(), env);
    apps.add(app);
    return app;
  }

  private List<String> guestPurposes() {
    return stores.outbox().toRecipient(GUEST_WA, 100).stream()
        .map(m -> m.message().purpose())
        .toList();
  }

  private List<QueuedMessage> ownerAlerts() {
    return stores.outbox().toRecipient(OWNER_WA, 100);
  }

  private long runs(String job) {
    return stores.jobSchedule().states().stream()
        .filter(s -> s.job().equals(job))
        .mapToLong(JobSchedule.JobState::runs)
        .sum();
  }

  /** Waits until every named job ran at least three more times (on any instance). */
  private void letJobsRunAgain(String... jobs) {
    long[] before = new long[jobs.length];
    for (int i = 0; i < jobs.length; i++) {
      before[i] = runs(jobs[i]);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              for (int i = 0; i < jobs.length; i++) {
                if (runs(jobs[i]) < before[i] + 3) {
                  return false;
                }
              }
              return true;
            });
  }

  private void advanceTo(Instant target) {
    clock.advance(Duration.between(clock.instant(), target));
  }

  @Test
  void aHoldIsRemindedOnceExpiresOnceAndItsGuestIsToldOnceAcrossInstancesAndARestart() {
    BookingApp first = start();
    start();
    Accommodation unit =
        stores.accommodations().add(Fixtures.cabin(stores.accommodations().nextId(), "Cabaña"));
    Instant placed = clock.instant();
    Reservation hold =
        ((Reservations.Inserted)
                stores
                    .reservations()
                    .insert(
                        Reservation.hold(
                            ReservationCode.random(),
                            unit.id(),
                            Pricing.quote(
                                unit.pricing(), Fixtures.period("2026-12-10", "2026-12-13")),
                            GuestCount.of(2),
                            GuestContact.whatsapp(GUEST_WA, "Ana"),
                            Channel.WHATSAPP,
                            placed,
                            placed.plus(Duration.ofMinutes(30))),
                        "guest:whatsapp"))
            .reservation();
    await().atMost(Duration.ofSeconds(20)).until(() -> ownerAlerts().size() == 1);

    clock.advance(Duration.ofMinutes(21)); // 9 minutes left: the reminder is due
    await().atMost(Duration.ofSeconds(20)).until(() -> guestPurposes().contains("hold_reminder"));
    assertThat(guestPurposes()).containsExactly("hold_reminder");

    // One instance goes away and a new one takes its place, midway through the hold.
    first.stop();
    start();
    letJobsRunAgain("hold_reminders", "dispatch_events");
    assertThat(guestPurposes()).containsExactly("hold_reminder");

    clock.advance(Duration.ofMinutes(10)); // the hold is over
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                stores.reservations().find(hold.code()).orElseThrow().status()
                        == ReservationStatus.EXPIRED
                    && guestPurposes().contains("hold_expired")
                    && ownerAlerts().size() == 2);
    letJobsRunAgain("expire_holds", "hold_reminders", "dispatch_events");

    assertThat(guestPurposes()).containsExactly("hold_reminder", "hold_expired");
    assertThat(stores.events().stream(hold.code().value()))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.HOLD_PLACED, EventType.HOLD_EXPIRED);
    assertThat(ownerAlerts())
        .extracting(m -> m.message().content().plainText())
        .satisfiesExactly(
            placedAlert -> assertThat(placedAlert).contains("Nueva prerreserva"),
            expiredAlert -> assertThat(expiredAlert).contains("Venció sin pago"));
  }

  @Test
  void aStayGetsOnePreArrivalMessageAndIsCompletedOnceAcrossInstances() {
    start();
    start();
    Accommodation unit =
        stores
            .accommodations()
            .add(
                Fixtures.cabin(stores.accommodations().nextId(), "Cabaña")
                    .withArrival("Ruta 40 km 2010", "Tocá timbre en la casa de adelante."));
    Reservation stay =
        ((Reservations.Inserted)
                stores
                    .reservations()
                    .insert(
                        Reservation.confirmedBooking(
                            ReservationCode.random(),
                            unit.id(),
                            Pricing.quote(
                                unit.pricing(), Fixtures.period("2026-11-27", "2026-11-29")),
                            GuestCount.of(2),
                            GuestContact.whatsapp(GUEST_WA, "Ana"),
                            Channel.WHATSAPP,
                            null,
                            clock.instant()),
                        "admin:owner"))
            .reservation();
    await().atMost(Duration.ofSeconds(20)).until(() -> guestPurposes().size() == 1);
    assertThat(guestPurposes()).containsExactly("booking_confirmed");

    advanceTo(Instant.parse("2026-11-26T21:00:30Z")); // 18:00 in Bariloche, the day before
    await().atMost(Duration.ofSeconds(20)).until(() -> guestPurposes().contains("pre_arrival"));
    letJobsRunAgain("pre_arrival");
    assertThat(guestPurposes()).containsExactly("booking_confirmed", "pre_arrival");
    assertThat(stores.outbox().toRecipient(GUEST_WA, 10).getLast().message().content().plainText())
        .contains("desde las 14:00", "Ruta 40 km 2010", "Tocá timbre");

    advanceTo(Instant.parse("2026-11-29T13:00:30Z")); // 10:00 on check-out day
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                stores.reservations().find(stay.code()).orElseThrow().status()
                    == ReservationStatus.COMPLETED);
    letJobsRunAgain("complete_stays");
    assertThat(stores.events().stream(stay.code().value()))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.BOOKING_CREATED, EventType.COMPLETED);
  }
}
