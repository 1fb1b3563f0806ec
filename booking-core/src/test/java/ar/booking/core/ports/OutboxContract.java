package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.DeliveryState;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} guarantees: a key is queued once and only when the unit of work
 * commits, claims take the oldest pending message per recipient with a lease, retries wait, the
 * dead state and resending, and delivery reports that only move forward. Each test uses its own
 * recipients, so a shared database is fine.
 */
public abstract class OutboxContract {

  private static final Duration LEASE = Duration.ofMinutes(1);

  protected abstract Outbox outbox();

  protected abstract Transactions transactions();

  private Outbox outbox;
  private String guest;
  private String other;

  @BeforeEach
  void setUp() {
    outbox = outbox();
    guest = "549" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    other = guest + "7";
  }

  private OutboundMessage text(String to, String body) {
    return OutboundMessage.whatsapp(
        "reply:" + UUID.randomUUID(), to, new MessageContent.Text(body), "reply", NOW);
  }

  private List<QueuedMessage> claim(Instant now) {
    return outbox.claim(MessageChannel.WHATSAPP, now, now.plus(LEASE), 1000).stream()
        .filter(m -> Set.of(guest, other).contains(m.message().recipient()))
        .toList();
  }

  @Test
  void aKeyIsQueuedOnceAndEveryContentComesBack() {
    OutboundMessage buttons =
        OutboundMessage.whatsapp(
            "reply:" + UUID.randomUUID(),
            guest,
            new MessageContent.Buttons(
                "¿Qué querés hacer? 🙂",
                "Respondé con un botón",
                List.of(Choice.of("a", "Consultar"), new Choice("b", "Mis reservas", "desc"))),
            "reply",
            NOW);
    OutboundMessage list =
        OutboundMessage.whatsapp(
            "reply:" + UUID.randomUUID(),
            guest,
            new MessageContent.ChoiceList(
                "Elegí una opción", "Ver opciones", List.of(new Choice("o1", "Cabaña", "$ 1000"))),
            "booking_offer",
            NOW.plusSeconds(1));
    OutboundMessage email =
        new OutboundMessage(
            "mail:" + UUID.randomUUID(),
            MessageChannel.EMAIL,
            guest + "@example.com",
            new MessageContent.Email(
                "Tu reserva",
                "Hola",
                "<p>Hola</p>",
                List.of(
                    new MessageContent.Attachment("a.ics", "text/calendar", new byte[] {1, 2, 3}))),
            "booking_confirmed",
            NOW);

    assertThat(outbox.enqueue(buttons)).isTrue();
    assertThat(outbox.enqueue(buttons)).isFalse();
    assertThat(outbox.enqueue(list)).isTrue();
    assertThat(outbox.enqueue(email)).isTrue();

    List<QueuedMessage> queued = outbox.toRecipient(guest, 10);
    assertThat(queued).extracting(QueuedMessage::message).containsExactly(buttons, list);
    QueuedMessage first = queued.getFirst();
    assertThat(first.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(first.attempts()).isZero();
    assertThat(first.delivery()).isNull();
    assertThat(outbox.find(first.id())).contains(first);

    QueuedMessage mail = outbox.toRecipient(guest + "@example.com", 10).getFirst();
    MessageContent.Email stored = (MessageContent.Email) mail.message().content();
    assertThat(stored.subject()).isEqualTo("Tu reserva");
    assertThat(stored.html()).isEqualTo("<p>Hola</p>");
    assertThat(stored.attachments()).hasSize(1);
    assertThat(stored.attachments().getFirst().data()).containsExactly(1, 2, 3);
  }

  @Test
  void anEnqueueInAUnitOfWorkThatRollsBackLeavesNothing() {
    OutboundMessage reply = text(guest, "hola");
    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          outbox.enqueue(reply);
                          throw new IllegalStateException("the change failed");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(outbox.toRecipient(guest, 10)).isEmpty();

    transactions().run(() -> outbox.enqueue(reply));
    assertThat(outbox.toRecipient(guest, 10))
        .extracting(QueuedMessage::message)
        .containsExactly(reply);
  }

  @Test
  void onlyTheOldestPendingMessageOfARecipientIsClaimedAndItIsLeased() {
    outbox.enqueue(text(guest, "uno"));
    outbox.enqueue(text(guest, "dos"));
    outbox.enqueue(text(other, "otro"));

    List<QueuedMessage> first = claim(NOW);
    assertThat(first)
        .extracting(m -> m.message().content().plainText())
        .containsExactlyInAnyOrder("uno", "otro");
    assertThat(claim(NOW.plusSeconds(30))).isEmpty();
    assertThat(outbox.claim(MessageChannel.EMAIL, NOW, NOW.plus(LEASE), 1000))
        .noneMatch(m -> Set.of(guest, other).contains(m.message().recipient()));

    QueuedMessage uno =
        first.stream().filter(m -> m.message().recipient().equals(guest)).findFirst().orElseThrow();
    outbox.sent(uno.id(), "wamid.uno." + guest, NOW.plusSeconds(1));
    assertThat(claim(NOW.plusSeconds(2)))
        .extracting(m -> m.message().content().plainText())
        .containsExactly("dos");
    assertThat(claim(NOW.plus(LEASE).plusSeconds(1)))
        .extracting(m -> m.message().content().plainText())
        .containsExactly("otro");
  }

  @Test
  void sentRecordsTheProvidersIdAndTheAcceptance() {
    outbox.enqueue(text(guest, "hola"));
    QueuedMessage claimed = claim(NOW).getFirst();
    outbox.sent(claimed.id(), "wamid.s." + guest, NOW.plusSeconds(1));

    QueuedMessage sent = outbox.find(claimed.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.providerMessageId()).isEqualTo("wamid.s." + guest);
    assertThat(sent.delivery()).isEqualTo(DeliveryState.ACCEPTED);
    assertThat(sent.sentAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(claim(NOW.plusSeconds(600))).isEmpty();
  }

  @Test
  void deliveryReportsOnlyMoveForward() {
    outbox.enqueue(text(guest, "hola"));
    QueuedMessage claimed = claim(NOW).getFirst();
    String wamid = "wamid.d." + guest;
    outbox.sent(claimed.id(), wamid, NOW);

    assertThat(outbox.recordDelivery(wamid, DeliveryState.READ, NOW.plusSeconds(5), null)).isTrue();
    assertThat(outbox.recordDelivery(wamid, DeliveryState.DELIVERED, NOW.plusSeconds(6), null))
        .as("a late delivered never overwrites read")
        .isFalse();
    assertThat(outbox.recordDelivery(wamid, DeliveryState.READ, NOW.plusSeconds(7), null))
        .isFalse();
    assertThat(outbox.find(claimed.id()).orElseThrow().delivery()).isEqualTo(DeliveryState.READ);
    assertThat(outbox.find(claimed.id()).orElseThrow().deliveryAt()).isEqualTo(NOW.plusSeconds(5));

    assertThat(outbox.recordDelivery(wamid, DeliveryState.FAILED, NOW.plusSeconds(8), "131026"))
        .isTrue();
    assertThat(outbox.recordDelivery(wamid, DeliveryState.PLAYED, NOW.plusSeconds(9), null))
        .as("failed is final")
        .isFalse();
    QueuedMessage failed = outbox.find(claimed.id()).orElseThrow();
    assertThat(failed.delivery()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.lastError()).isEqualTo("131026");
    assertThat(outbox.recordDelivery("wamid.unknown." + guest, DeliveryState.SENT, NOW, null))
        .isFalse();
  }

  @Test
  void aRetryWaitsAndADeadMessageCanBeResent() {
    outbox.enqueue(text(guest, "uno"));
    outbox.enqueue(text(guest, "dos"));
    QueuedMessage uno = claim(NOW).getFirst();
    outbox.retry(uno.id(), "503", NOW.plusSeconds(10));

    assertThat(claim(NOW.plusSeconds(5))).isEmpty();
    QueuedMessage again = claim(NOW.plusSeconds(10)).getFirst();
    assertThat(again.message().content().plainText()).isEqualTo("uno");
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.lastError()).isEqualTo("503");

    long deadBefore = outbox.count(OutboxStatus.DEAD);
    outbox.dead(again.id(), "131026 undeliverable", NOW.plusSeconds(11));
    assertThat(outbox.count(OutboxStatus.DEAD)).isEqualTo(deadBefore + 1);
    assertThat(outbox.inStatus(OutboxStatus.DEAD, 1000))
        .extracting(QueuedMessage::id)
        .contains(again.id());
    assertThat(claim(NOW.plusSeconds(11)))
        .as("the next message is not blocked by a dead one")
        .extracting(m -> m.message().content().plainText())
        .containsExactly("dos");

    assertThat(outbox.resend(again.id(), NOW.plusSeconds(20))).isTrue();
    assertThat(outbox.resend(again.id(), NOW.plusSeconds(20))).as("no longer dead").isFalse();
    QueuedMessage back = outbox.find(again.id()).orElseThrow();
    assertThat(back.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(back.attempts()).isZero();
  }

  @Test
  void theBacklogsAgeAndPruning() {
    Instant old = NOW.minus(Duration.ofDays(400));
    OutboundMessage ancient =
        OutboundMessage.whatsapp(
            "reply:" + UUID.randomUUID(), guest, new MessageContent.Text("viejo"), "reply", old);
    outbox.enqueue(ancient);
    assertThat(outbox.oldestPending()).isPresent();
    assertThat(outbox.oldestPending().orElseThrow()).isBeforeOrEqualTo(old);

    QueuedMessage m = outbox.toRecipient(guest, 1).getFirst();
    outbox.dead(m.id(), "gone", old);
    assertThat(outbox.prune(old.plusSeconds(1))).isGreaterThanOrEqualTo(1);
    assertThat(outbox.find(m.id())).isEmpty();
  }
}
