package ar.booking.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.messaging.EmailSender;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The e-mail dispatcher's retries, backoff and dead state, on a hand-moved clock. */
class MailDispatcherTest {

  private final InMemoryStores stores = InMemoryStores.create();
  private final MutableClock clock = new MutableClock(Fixtures.NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> attempts = new ArrayList<>();
  private volatile EmailSender.Outcome next = new EmailSender.Failed("connection refused", false);

  private final MailDispatcher dispatcher =
      new MailDispatcher(
          stores.outbox(),
          (to, mail) -> {
            attempts.add(to);
            return next;
          },
          stores.events(),
          stores.transactions(),
          clock,
          new MailDispatcher.Settings(
              3, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(2), 10),
          registry);

  private long enqueue(String to) {
    stores
        .outbox()
        .enqueue(
            new OutboundMessage(
                "mail:" + to,
                MessageChannel.EMAIL,
                to,
                new MessageContent.Email("Asunto", "Texto", "<p>Texto</p>", List.of()),
                "owner_alert",
                clock.instant()));
    return stores.outbox().toRecipient(to, 1).getFirst().id();
  }

  private QueuedMessage message(long id) {
    return stores.outbox().find(id).orElseThrow();
  }

  @Test
  void aFailingMessageIsRetriedWithBackoffThenSent() {
    long id = enqueue("duenio@cabanas.test");

    assertThat(dispatcher.dispatch().retried()).isEqualTo(1);
    assertThat(message(id).nextAttemptAt()).isEqualTo(Fixtures.NOW.plusSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(dispatcher.dispatch().retried()).isZero(); // not due yet
    clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.dispatch().retried()).isEqualTo(1);
    assertThat(message(id).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

    next = new EmailSender.Sent("<id@x>");
    clock.advance(Duration.ofSeconds(60));
    assertThat(dispatcher.dispatch().sent()).isEqualTo(1);
    assertThat(message(id).status()).isEqualTo(OutboxStatus.SENT);
    assertThat(message(id).providerMessageId()).isEqualTo("<id@x>");
    assertThat(attempts).hasSize(3);
    assertThat(
            registry
                .get("notifications.sent")
                .tags("channel", "email", "kind", "owner_alert", "outcome", "retry")
                .counter()
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void afterTheLastAttemptTheMessageIsDeadAndTheOwnerIsToldByAnEvent() {
    long id = enqueue("ana@correo.test");
    for (int i = 0; i < 3; i++) {
      dispatcher.dispatch();
      clock.advance(Duration.ofMinutes(10));
    }
    assertThat(message(id).status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(message(id).lastError()).isEqualTo("connection refused");
    assertThat(dispatcher.dispatch().sent()).isZero();
    assertThat(attempts).hasSize(3);
    List<DomainEvent> dead = stores.events().stream("message:" + id);
    assertThat(dead)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.MESSAGE_DEAD);
              assertThat(e.data())
                  .containsEntry("recipient", "ana@correo.test")
                  .containsEntry("channel", "EMAIL")
                  .containsEntry("error", "connection refused");
            });
    assertThat(registry.get("notifications.dead").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aRefusedAddressIsDeadAtOnce() {
    next = new EmailSender.Failed("550 no such user", true);
    long id = enqueue("nadie@cabanas.test");
    assertThat(dispatcher.dispatch().dead()).isEqualTo(1);
    assertThat(message(id).status()).isEqualTo(OutboxStatus.DEAD);
    assertThat(attempts).hasSize(1);
  }
}
