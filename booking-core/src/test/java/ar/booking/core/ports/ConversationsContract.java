package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Conversations} store guarantees: compare-and-set saves on the version, the
 * dialog's data kept as written, joining the caller's unit of work, latest first.
 */
public abstract class ConversationsContract {

  protected abstract Conversations conversations();

  protected abstract Transactions transactions();

  private Conversations conversations;
  private String guest;

  @BeforeEach
  void setUp() {
    conversations = conversations();
    guest = "549" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
  }

  private static Conversation with(Conversation c, String state, Map<String, String> data) {
    return new Conversation(
        c.guestId(),
        c.guestName(),
        state,
        data,
        c.lastInboundAt(),
        c.handoffUntil(),
        c.updatedAt().plusSeconds(1),
        c.version());
  }

  @Test
  void aNewConversationIsSavedWithVersionOneAndReadBack() {
    assertThat(conversations.find(guest)).isEmpty();
    Conversation fresh =
        with(
            Conversation.start(guest, "Ana Núñez", NOW),
            "ASKED_DATES",
            Map.of("guests", "3", "nota", "niño 🌵 \"comillas\""));

    Conversations.SaveOutcome outcome = conversations.save(fresh);

    assertThat(outcome).isInstanceOf(Conversations.Saved.class);
    Conversation saved = ((Conversations.Saved) outcome).conversation();
    assertThat(saved.version()).isEqualTo(1);
    assertThat(conversations.find(guest)).contains(saved);
    assertThat(saved.data()).containsEntry("nota", "niño 🌵 \"comillas\"");
  }

  @Test
  void aStaleSaveIsRefusedWithTheCurrentState() {
    Conversation v1 =
        ((Conversations.Saved) conversations.save(Conversation.start(guest, null, NOW)))
            .conversation();
    Conversation v2 =
        ((Conversations.Saved) conversations.save(with(v1, "OFFERED", Map.of("offer", "x"))))
            .conversation();
    assertThat(v2.version()).isEqualTo(2);

    Conversations.SaveOutcome late = conversations.save(with(v1, "GREETED", Map.of()));
    assertThat(late).isEqualTo(new Conversations.Stale(v2));
    Conversations.SaveOutcome again = conversations.save(Conversation.start(guest, null, NOW));
    assertThat(again).isEqualTo(new Conversations.Stale(v2));
    assertThat(conversations.find(guest)).contains(v2);
  }

  @Test
  void handoffIsKeptAndCleared() {
    Conversation v1 =
        ((Conversations.Saved) conversations.save(Conversation.start(guest, null, NOW)))
            .conversation();
    Conversation handoff =
        new Conversation(
            guest, null, "HANDOFF", Map.of(), NOW, NOW.plusSeconds(86_400), NOW, v1.version());
    Conversation v2 = ((Conversations.Saved) conversations.save(handoff)).conversation();
    assertThat(conversations.find(guest).orElseThrow().inHandoff(NOW)).isTrue();

    Conversation released =
        new Conversation(guest, null, "NEW", Map.of(), NOW, null, NOW, v2.version());
    conversations.save(released);
    assertThat(conversations.find(guest).orElseThrow().handoffUntil()).isNull();
  }

  @Test
  void aSaveInAUnitOfWorkThatRollsBackLeavesNothing() {
    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          conversations.save(Conversation.start(guest, null, NOW));
                          throw new IllegalStateException("the replies failed");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(conversations.find(guest)).isEmpty();
  }

  @Test
  void theLatestConversationsComeFirst() {
    String older = guest + "1";
    String newer = guest + "2";
    conversations.save(Conversation.start(older, null, NOW.plusSeconds(100_000_000)));
    conversations.save(Conversation.start(newer, null, NOW.plusSeconds(100_000_001)));

    assertThat(conversations.latest(2))
        .extracting(Conversation::guestId)
        .containsExactly(newer, older);
  }
}
