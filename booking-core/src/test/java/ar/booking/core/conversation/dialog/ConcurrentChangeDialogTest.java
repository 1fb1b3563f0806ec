package ar.booking.core.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.messaging.InboundMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Someone saves the conversation between our read and our save: the turn is decided again. */
class ConcurrentChangeDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña del Lago");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana");

  /** Before the first save, writes a change of its own (as a concurrent owner action would). */
  private static final class InterferingConversations implements Conversations {
    private final Conversations delegate;
    private final AtomicBoolean interfered = new AtomicBoolean();

    InterferingConversations(Conversations delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Conversation> find(String guestId) {
      return delegate.find(guestId);
    }

    @Override
    public SaveOutcome save(Conversation conversation) {
      if (interfered.compareAndSet(false, true)) {
        Conversation current = delegate.find(conversation.guestId()).orElseThrow();
        Map<String, String> data = new HashMap<>(current.data());
        data.put("owner.note", "llamar a la tarde");
        delegate.save(
            new Conversation(
                current.guestId(),
                current.guestName(),
                current.state(),
                data,
                current.lastInboundAt(),
                current.handoffUntil(),
                current.updatedAt(),
                current.version()));
      }
      return delegate.save(conversation);
    }

    @Override
    public List<Conversation> latest(int limit) {
      return delegate.latest(limit);
    }
  }

  @Test
  void aConcurrentSaveMakesTheTurnDecideAgainAndAnswerOnce() {
    ana.says("hola");
    HandleGuestMessage handler =
        f.handlerOn(
            new InterferingConversations(f.stores.conversations()),
            f.stores.outbox(),
            DialogSettings.DEFAULT);
    int before = ana.repliesSoFar();

    handler.handle(
        f.stored(
            InboundMessage.text(
                "wamid.race",
                ana.waId,
                ana.name,
                "del 10 al 13 de diciembre, 2",
                f.clock.instant())));

    assertThat(ana.repliesSoFar()).isEqualTo(before + 1);
    Conversation saved = f.conversation(ana.waId);
    assertThat(saved.data()).containsEntry("owner.note", "llamar a la tarde");
    assertThat(saved.data()).containsEntry(DialogData.CHECK_IN, "2026-12-10");
    assertThat(saved.version()).isEqualTo(3);
  }
}
