package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.payment.PaymentNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentNotifications} store guarantees: stored once per (payment, action),
 * claimed by one worker, retried when due, done once processed. Each test uses payment ids of its
 * own and a time far from the others' so a shared store does not mix them up.
 */
public abstract class PaymentNotificationsContract {

  protected abstract PaymentNotifications notifications();

  private final String id = "n-" + UUID.randomUUID();

  private List<PaymentNotifications.Pending> mine(Instant now) {
    return notifications().claim(now, now.plus(Duration.ofMinutes(1)), 1000).stream()
        .filter(p -> p.providerPaymentId().startsWith(id))
        .toList();
  }

  @Test
  void aDuplicateIsStoredOnceEvenWhenTenArriveAtOnce() throws Exception {
    PaymentNotifications store = notifications();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Boolean> results = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < 10; i++) {
      pool.submit(
          () -> {
            start.await();
            results.add(store.record(id, "payment.updated", "r", "{}", NOW));
            return null;
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(results).hasSize(10).filteredOn(b -> b).hasSize(1);
    assertThat(store.record(id, "payment.created", "r", "{}", NOW)).isTrue();
  }

  @Test
  void aClaimedNotificationIsNotClaimedAgainBeforeItsLeaseAndDoneWhenProcessed() {
    PaymentNotifications store = notifications();
    Instant at = NOW.minus(Duration.ofDays(400));
    store.record(id, "payment.created", null, "{}", at);

    List<PaymentNotifications.Pending> first = mine(at.plusSeconds(1));
    assertThat(first).singleElement().satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
    assertThat(mine(at.plusSeconds(2))).isEmpty();

    store.failed(first.get(0).id(), "mp down", at.plusSeconds(10));
    assertThat(mine(at.plusSeconds(9))).isEmpty();
    List<PaymentNotifications.Pending> retried = mine(at.plusSeconds(10));
    assertThat(retried).singleElement().satisfies(p -> assertThat(p.attempts()).isEqualTo(2));

    store.processed(retried.get(0).id(), "CONFIRMED", at.plusSeconds(11));
    assertThat(mine(at.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void aRepeatOfAProcessedNotificationMakesItDueAgainOnce() {
    PaymentNotifications store = notifications();
    Instant at = NOW.minus(Duration.ofDays(300));
    store.record(id, "payment.updated", null, "{}", at);
    store.processed(mine(at).get(0).id(), "CONFIRMED", at);

    assertThat(store.record(id, "payment.updated", null, "{}", at.plusSeconds(5))).isFalse();
    assertThat(store.record(id, "payment.updated", null, "{}", at.plusSeconds(6))).isFalse();
    assertThat(mine(at.plusSeconds(6))).hasSize(1);
  }
}
