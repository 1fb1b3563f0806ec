package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.InboxStatus;
import ar.booking.core.messaging.StoredInbound;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Inbox} guarantees: a message id is stored once, claims take only the oldest
 * pending message of each guest and lease it, retries wait, dead messages let the guest's next one
 * through. Each test uses its own guests, so a shared database is fine.
 */
public abstract class InboxContract {

  private static final Duration LEASE = Duration.ofMinutes(1);

  protected abstract Inbox inbox();

  private Inbox inbox;
  private String guest;
  private String other;

  @BeforeEach
  void setUp() {
    inbox = inbox();
    guest = "549" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    other = guest + "7";
  }

  private static String wamid() {
    return "wamid." + UUID.randomUUID();
  }

  private InboundMessage text(String from, String id, String body) {
    return InboundMessage.text(id, from, "Ana", body, NOW.minusSeconds(5));
  }

  /** Claims at {@code now}, keeping only this test's guests. */
  private List<StoredInbound> claim(Instant now) {
    return inbox.claim(now, now.plus(LEASE), 1000).stream()
        .filter(m -> Set.of(guest, other).contains(m.message().from()))
        .toList();
  }

  @Test
  void aDuplicateDeliveryIsStoredOnce() {
    String id = wamid();
    assertThat(inbox.store(text(guest, id, "hola"), "{\"id\":\"" + id + "\"}", NOW)).isTrue();
    assertThat(inbox.store(text(guest, id, "hola"), "{}", NOW.plusSeconds(1))).isFalse();

    List<StoredInbound> stored = inbox.fromGuest(guest, 10);
    assertThat(stored).hasSize(1);
    StoredInbound m = stored.getFirst();
    assertThat(m.message()).isEqualTo(text(guest, id, "hola"));
    assertThat(m.status()).isEqualTo(InboxStatus.PENDING);
    assertThat(m.attempts()).isZero();
    assertThat(m.receivedAt()).isEqualTo(NOW);
    assertThat(inbox.find(m.id())).contains(m);
  }

  @Test
  void everyKindOfMessageComesBackAsStored() {
    InboundMessage voice =
        new InboundMessage(
            wamid(),
            guest,
            "Ana Núñez 🌵",
            InboundKind.AUDIO,
            null,
            null,
            new InboundMessage.MediaRef("media-1", "audio/ogg; codecs=opus", "abc123", true),
            NOW.minusSeconds(3));
    InboundMessage picked =
        InboundMessage.choice(wamid(), guest, null, "offer:42", "Cabaña del lago", NOW);
    InboundMessage sticker =
        new InboundMessage(wamid(), guest, null, InboundKind.STICKER, null, null, null, NOW);
    inbox.store(voice, "{}", NOW);
    inbox.store(picked, "{}", NOW);
    inbox.store(sticker, "{}", NOW);

    assertThat(inbox.fromGuest(guest, 10))
        .extracting(StoredInbound::message)
        .containsExactly(voice, picked, sticker);
    assertThat(inbox.fromGuest(guest, 2))
        .extracting(StoredInbound::message)
        .containsExactly(picked, sticker);
  }

  @Test
  void onlyTheOldestPendingMessageOfAGuestIsClaimedAndItIsLeased() {
    inbox.store(text(guest, wamid(), "uno"), "{}", NOW);
    inbox.store(text(guest, wamid(), "dos"), "{}", NOW);
    inbox.store(text(other, wamid(), "otro"), "{}", NOW);

    List<StoredInbound> first = claim(NOW);
    assertThat(first).extracting(m -> m.message().text()).containsExactlyInAnyOrder("uno", "otro");
    assertThat(claim(NOW.plusSeconds(30))).as("leased, and the next waits its turn").isEmpty();

    StoredInbound uno =
        first.stream().filter(m -> m.message().from().equals(guest)).findFirst().orElseThrow();
    inbox.processed(uno.id(), null, NOW.plusSeconds(1));
    assertThat(claim(NOW.plusSeconds(2)))
        .extracting(m -> m.message().text())
        .containsExactly("dos");

    assertThat(claim(NOW.plus(LEASE).plusSeconds(1)))
        .as("a lease that ended gives the message back")
        .extracting(m -> m.message().text())
        .containsExactlyInAnyOrder("otro");
  }

  @Test
  void processedKeepsTheTranscriptAndCountsTheAttempt() {
    inbox.store(text(guest, wamid(), "nota"), "{}", NOW);
    StoredInbound claimed = claim(NOW).getFirst();
    inbox.processed(claimed.id(), "quiero reservar", NOW.plusSeconds(2));

    StoredInbound done = inbox.find(claimed.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(InboxStatus.PROCESSED);
    assertThat(done.transcript()).isEqualTo("quiero reservar");
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.processedAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(claim(NOW.plusSeconds(600))).isEmpty();
  }

  @Test
  void aRetryWaitsUntilItsTimeAndKeepsTheGuestsOrder() {
    inbox.store(text(guest, wamid(), "uno"), "{}", NOW);
    inbox.store(text(guest, wamid(), "dos"), "{}", NOW);
    StoredInbound uno = claim(NOW).getFirst();
    inbox.retry(uno.id(), "boom", NOW.plusSeconds(10));

    assertThat(claim(NOW.plusSeconds(5))).as("neither the retry nor the next message").isEmpty();
    List<StoredInbound> again = claim(NOW.plusSeconds(10));
    assertThat(again).extracting(m -> m.message().text()).containsExactly("uno");
    assertThat(again.getFirst().attempts()).isEqualTo(1);
    assertThat(again.getFirst().lastError()).isEqualTo("boom");
    assertThat(again.getFirst().status()).isEqualTo(InboxStatus.PENDING);
  }

  @Test
  void aDeadMessageLetsTheGuestsNextMessageThrough() {
    inbox.store(text(guest, wamid(), "veneno"), "{}", NOW);
    inbox.store(text(guest, wamid(), "dos"), "{}", NOW);
    StoredInbound poison = claim(NOW).getFirst();
    inbox.dead(poison.id(), "no se pudo", NOW.plusSeconds(1));

    assertThat(inbox.find(poison.id()).orElseThrow().status()).isEqualTo(InboxStatus.DEAD);
    assertThat(inbox.find(poison.id()).orElseThrow().lastError()).isEqualTo("no se pudo");
    assertThat(claim(NOW.plusSeconds(1)))
        .extracting(m -> m.message().text())
        .containsExactly("dos");
  }

  @Test
  void countsAndTheOldestPendingMessage() {
    long pendingBefore = inbox.count(InboxStatus.PENDING);
    long processedBefore = inbox.count(InboxStatus.PROCESSED);
    inbox.store(text(guest, wamid(), "uno"), "{}", NOW.minusSeconds(100_000_000));
    inbox.store(text(other, wamid(), "dos"), "{}", NOW);

    assertThat(inbox.count(InboxStatus.PENDING)).isEqualTo(pendingBefore + 2);
    assertThat(inbox.oldestPending()).contains(NOW.minusSeconds(100_000_000));

    StoredInbound uno = inbox.fromGuest(guest, 1).getFirst();
    inbox.processed(uno.id(), null, NOW);
    assertThat(inbox.count(InboxStatus.PROCESSED)).isEqualTo(processedBefore + 1);
    assertThat(inbox.oldestPending()).isPresent();
    assertThat(inbox.oldestPending().orElseThrow()).isAfter(NOW.minusSeconds(100_000_000));
  }

  @Test
  void pruningDeletesOnlyFinishedOldMessages() {
    Instant old = NOW.minus(Duration.ofDays(400));
    inbox.store(text(guest, wamid(), "viejo"), "{}", old);
    inbox.store(text(other, wamid(), "pendiente"), "{}", old);
    StoredInbound viejo = inbox.fromGuest(guest, 1).getFirst();
    inbox.processed(viejo.id(), null, old);

    assertThat(inbox.prune(old.plusSeconds(1))).isGreaterThanOrEqualTo(1);
    assertThat(inbox.find(viejo.id())).isEmpty();
    assertThat(inbox.fromGuest(other, 5)).hasSize(1);
  }

  @Test
  void concurrentWorkersNeverHoldTwoMessagesOfOneGuest() throws Exception {
    for (int i = 0; i < 5; i++) {
      inbox.store(text(guest, wamid(), "g" + i), "{}", NOW);
      inbox.store(text(other, wamid(), "o" + i), "{}", NOW);
    }
    Set<Long> handled = ConcurrentHashMap.newKeySet();
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        workers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < 200 && handled.size() < 10; round++) {
                    for (StoredInbound m : claim(NOW)) {
                      assertThat(handled.add(m.id())).as("claimed twice").isTrue();
                      order.add(m.message().text());
                      inbox.processed(m.id(), null, NOW);
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(handled).hasSize(10);
    assertThat(order.stream().filter(t -> t.startsWith("g")))
        .containsExactly("g0", "g1", "g2", "g3", "g4");
    assertThat(order.stream().filter(t -> t.startsWith("o")))
        .containsExactly("o0", "o1", "o2", "o3", "o4");
  }
}
