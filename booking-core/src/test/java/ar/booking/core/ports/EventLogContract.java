package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.event.Delivery;
import ar.booking.core.event.DeliveryStatus;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.testing.StoreBundle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventLog} guarantees: events exactly for committed changes, one delivery per
 * registered subscriber, in order per stream, leases, retries and the dead state. Each test uses
 * its own subscriber and streams, so a shared database is fine.
 */
public abstract class EventLogContract {

  protected abstract StoreBundle stores();

  private StoreBundle s;
  private EventLog log;
  private String subscriber;
  private Accommodation unit;

  /** Far enough ahead that every delivery written during the test is due. */
  private static final Instant LATER = Instant.now().plus(Duration.ofDays(3650));

  @BeforeEach
  void setUp() {
    s = stores();
    log = s.events();
    subscriber = "test_" + UUID.randomUUID().toString().replace("-", "");
    log.register(subscriber);
    unit = addCabin(s.accommodations(), "Cabaña " + UUID.randomUUID());
  }

  private DomainEvent event(String stream, int n) {
    return DomainEvent.of(EventType.RESERVATION_UPDATED, stream, Map.of("n", "" + n), NOW);
  }

  /** Claims what is due, keeping only the given streams (a shared database has others too). */
  private List<Delivery> claim(Instant now, Instant leaseUntil, String... streams) {
    List<String> wanted = List.of(streams);
    return log.claim(subscriber, now, leaseUntil, 1000).stream()
        .filter(d -> wanted.contains(d.event().stream()))
        .toList();
  }

  private List<Delivery> claimAll(Instant now, String... streams) {
    return claim(now, now.plusSeconds(60), streams);
  }

  @Test
  void aCommittedReservationChangeHasItsEventAndARolledBackOneHasNone() {
    Reservation held = hold(unit, period("2026-12-10", "2026-12-13"));
    Reservation stored =
        ((Reservations.Inserted) s.reservations().insert(held, "guest:whatsapp")).reservation();
    s.reservations().update(stored.transitionTo(ReservationStatus.EXPIRED, NOW), "system:expiry");

    Reservation doomed = hold(unit, period("2027-01-10", "2027-01-13"));
    assertThatThrownBy(
            () ->
                s.transactions()
                    .run(
                        () -> {
                          s.reservations().insert(doomed, "guest:whatsapp");
                          throw new IllegalStateException("rolled back");
                        }))
        .hasMessage("rolled back");

    List<DomainEvent> timeline = log.stream(held.code().value());
    assertThat(timeline)
        .extracting(DomainEvent::type)
        .containsExactly(EventType.HOLD_PLACED, EventType.HOLD_EXPIRED);
    assertThat(timeline.get(1).data())
        .containsEntry("previous_status", "PRE_RESERVED")
        .containsEntry("status", "EXPIRED")
        .containsEntry("actor", "system:expiry")
        .containsEntry("channel", "WHATSAPP");
    assertThat(timeline.get(0).id()).isLessThan(timeline.get(1).id());
    assertThat(log.stream(doomed.code().value())).isEmpty();
    assertThat(claimAll(LATER, held.code().value(), doomed.code().value()))
        .extracting(d -> d.event().type())
        .containsExactly(EventType.HOLD_PLACED); // the oldest of its stream only
  }

  @Test
  void aStreamIsDeliveredInOrderAndStreamsDoNotWaitForEachOther() {
    String a = "stream-a-" + UUID.randomUUID();
    String b = "stream-b-" + UUID.randomUUID();
    log.append(event(a, 1));
    log.append(event(b, 1));
    log.append(event(a, 2));

    List<Delivery> first = claimAll(LATER, a, b);
    assertThat(first)
        .extracting(d -> d.event().stream() + d.event().get("n"))
        .containsExactly(a + "1", b + "1");
    first.forEach(d -> log.delivered(d.event().id(), subscriber, LATER));

    List<Delivery> second = claimAll(LATER, a, b);
    assertThat(second)
        .extracting(d -> d.event().stream() + d.event().get("n"))
        .containsExactly(a + "2");
    log.delivered(second.getFirst().event().id(), subscriber, LATER);
    assertThat(claimAll(LATER, a, b)).isEmpty();
  }

  @Test
  void aClaimedDeliveryIsLeasedAndComesBackWhenTheLeaseRunsOut() {
    String stream = "lease-" + UUID.randomUUID();
    log.append(event(stream, 1));
    Instant now = LATER;
    assertThat(claim(now, now.plusSeconds(30), stream)).hasSize(1);
    assertThat(claim(now.plusSeconds(29), now.plusSeconds(90), stream)).isEmpty();
    assertThat(claim(now.plusSeconds(30), now.plusSeconds(90), stream)).hasSize(1);
  }

  @Test
  void aFailedDeliveryWaitsForItsRetryAndHoldsBackItsStream() {
    String stream = "retry-" + UUID.randomUUID();
    log.append(event(stream, 1));
    log.append(event(stream, 2));
    Delivery first = claimAll(LATER, stream).getFirst();

    log.failed(first.event().id(), subscriber, "SMTP down", LATER.plusSeconds(10));

    assertThat(claimAll(LATER.plusSeconds(9), stream)).isEmpty(); // #2 waits behind #1
    Delivery again = claimAll(LATER.plusSeconds(10), stream).getFirst();
    assertThat(again.event().id()).isEqualTo(first.event().id());
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.lastError()).isEqualTo("SMTP down");
  }

  @Test
  void aDeadDeliveryIsVisibleDoesNotBlockItsStreamAndCanBeRetried() {
    String stream = "dead-" + UUID.randomUUID();
    log.append(event(stream, 1));
    log.append(event(stream, 2));
    Delivery first = claimAll(LATER, stream).getFirst();
    long deadBefore = log.count(DeliveryStatus.DEAD);

    log.dead(first.event().id(), subscriber, "template rejected", LATER);

    assertThat(log.count(DeliveryStatus.DEAD)).isEqualTo(deadBefore + 1);
    assertThat(log.deliveries(DeliveryStatus.DEAD, 1000))
        .filteredOn(d -> d.subscriber().equals(subscriber))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.event().id()).isEqualTo(first.event().id());
              assertThat(d.lastError()).isEqualTo("template rejected");
              assertThat(d.attempts()).isEqualTo(1);
            });
    assertThat(claimAll(LATER, stream)).extracting(d -> d.event().get("n")).containsExactly("2");

    assertThat(log.retry(first.event().id(), subscriber, LATER)).isTrue();
    assertThat(log.retry(first.event().id(), subscriber, LATER)).isFalse(); // no longer dead
    assertThat(log.count(DeliveryStatus.DEAD)).isEqualTo(deadBefore);
  }

  @Test
  void everySubscriberHasItsOwnProgressAndOnlyEventsAfterItRegistered() {
    String stream = "subs-" + UUID.randomUUID();
    log.append(event(stream, 1));
    String late = "late_" + UUID.randomUUID().toString().replace("-", "");
    log.register(late);
    log.register(late); // idempotent
    log.append(event(stream, 2));

    Delivery mine = claimAll(LATER, stream).getFirst();
    log.delivered(mine.event().id(), subscriber, LATER);
    assertThat(claimAll(LATER, stream)).extracting(d -> d.event().get("n")).containsExactly("2");
    assertThat(log.claim(late, LATER, LATER.plusSeconds(60), 1000))
        .filteredOn(d -> d.event().stream().equals(stream))
        .extracting(d -> d.event().get("n"))
        .containsExactly("2");
  }

  @Test
  void pruneDeletesOldEventsOnlyOnceEverySubscriberHandledThem() {
    String stream = "prune-" + UUID.randomUUID();
    Instant old = NOW.minus(Duration.ofDays(200));
    log.append(DomainEvent.of(EventType.RESERVATION_UPDATED, stream, Map.of("n", "1"), old));
    log.append(DomainEvent.of(EventType.RESERVATION_UPDATED, stream, Map.of("n", "2"), NOW));
    Instant cutoff = NOW.minus(Duration.ofDays(100));

    log.prune(cutoff);
    assertThat(log.stream(stream)).hasSize(2); // still pending for someone: kept

    List<Delivery> pending =
        log.deliveries(DeliveryStatus.PENDING, 100_000).stream()
            .filter(d -> d.event().stream().equals(stream))
            .toList();
    pending.forEach(d -> log.delivered(d.event().id(), d.subscriber(), LATER));
    assertThat(log.prune(cutoff)).isGreaterThanOrEqualTo(1);
    assertThat(log.stream(stream)).extracting(e -> e.get("n")).containsExactly("2");
  }
}
