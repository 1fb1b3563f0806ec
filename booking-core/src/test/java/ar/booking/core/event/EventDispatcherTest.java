package ar.booking.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Delivery to subscribers: order per stream, retries with backoff, the dead state, isolation. */
class EventDispatcherTest {

  private final MutableClock clock = new MutableClock(Fixtures.NOW);
  private final InMemoryStores stores = InMemoryStores.create();
  private final EventLog log = stores.events();

  /** Remembers what it got; fails while {@code failuresLeft} is positive. */
  private static final class Recorder implements EventSubscriber {
    final String name;
    final List<String> seen = new CopyOnWriteArrayList<>();
    int failuresLeft;

    Recorder(String name, int failuresLeft) {
      this.name = name;
      this.failuresLeft = failuresLeft;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void handle(DomainEvent event) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("mail server down");
      }
      seen.add(event.stream() + "#" + event.get("n"));
    }
  }

  private EventDispatcher dispatcher(EventSubscriber... subscribers) {
    return new EventDispatcher(
            log,
            List.of(subscribers),
            clock,
            new EventDispatcher.Settings(
                3, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1), 2, 100),
            EventDispatcher.Listener.NONE)
        .registerAll();
  }

  private void append(String stream, int n) {
    log.append(
        DomainEvent.of(
            EventType.RESERVATION_UPDATED, stream, Map.of("n", "" + n), clock.instant()));
  }

  @Test
  void everyCommittedEventReachesEverySubscriberInOrderPerStream() {
    Recorder metrics = new Recorder("metrics", 0);
    Recorder mail = new Recorder("mail", 0);
    EventDispatcher dispatcher = dispatcher(metrics, mail);
    append("A", 1);
    append("B", 1);
    append("A", 2);
    append("A", 3);

    EventDispatcher.Report report = dispatcher.dispatch();

    assertThat(report.delivered()).isEqualTo(8);
    assertThat(metrics.seen).containsExactly("A#1", "B#1", "A#2", "A#3");
    assertThat(mail.seen).containsExactly("A#1", "B#1", "A#2", "A#3");
    assertThat(dispatcher.dispatch().idle()).isTrue();
  }

  @Test
  void aFailureIsRetriedWithBackoffAndHoldsBackOnlyItsOwnStreamAndSubscriber() {
    Recorder flaky = new Recorder("flaky", 1);
    Recorder steady = new Recorder("steady", 0);
    EventDispatcher dispatcher = dispatcher(flaky, steady);
    append("A", 1);
    append("A", 2);
    append("B", 1);

    EventDispatcher.Report first = dispatcher.dispatch();
    assertThat(first.failed()).isEqualTo(1);
    assertThat(flaky.seen).containsExactly("B#1"); // A waits behind its failed #1
    assertThat(steady.seen).containsExactly("A#1", "B#1", "A#2");

    clock.advance(Duration.ofMillis(1999));
    assertThat(dispatcher.dispatch().idle()).isTrue(); // not due yet
    clock.advance(Duration.ofMillis(1));
    dispatcher.dispatch();
    assertThat(flaky.seen).containsExactly("B#1", "A#1", "A#2");
  }

  @Test
  void afterTooManyFailuresTheDeliveryIsDeadVisibleAndRetryable() {
    Recorder broken = new Recorder("broken", 3);
    EventDispatcher dispatcher = dispatcher(broken);
    append("A", 1);

    dispatcher.dispatch(); // attempt 1
    clock.advance(Duration.ofSeconds(2));
    dispatcher.dispatch(); // attempt 2
    clock.advance(Duration.ofSeconds(4));
    EventDispatcher.Report last = dispatcher.dispatch(); // attempt 3: dead

    assertThat(last.dead()).isEqualTo(1);
    Delivery dead = log.deliveries(DeliveryStatus.DEAD, 10).getFirst();
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).isEqualTo("IllegalStateException: mail server down");
    clock.advance(Duration.ofHours(1));
    assertThat(dispatcher.dispatch().idle()).isTrue();

    assertThat(log.retry(dead.event().id(), "broken", clock.instant())).isTrue();
    dispatcher.dispatch();
    assertThat(broken.seen).containsExactly("A#1");
  }

  @Test
  void eventsOfARolledBackUnitOfWorkAreNeverDelivered() {
    Recorder metrics = new Recorder("metrics", 0);
    EventDispatcher dispatcher = dispatcher(metrics);
    try {
      stores
          .transactions()
          .run(
              () -> {
                append("A", 1);
                throw new IllegalStateException("rollback");
              });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    stores.transactions().run(() -> append("A", 2));

    dispatcher.dispatch();
    assertThat(metrics.seen).containsExactly("A#2");
  }

  @Test
  void backoffDoublesUpToItsCeiling() {
    var settings =
        new EventDispatcher.Settings(
            10, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(1), 1, 10);
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.backoff(40)).isEqualTo(Duration.ofSeconds(10));
  }
}
