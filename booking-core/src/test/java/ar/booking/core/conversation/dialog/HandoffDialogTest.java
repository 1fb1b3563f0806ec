package ar.booking.core.conversation.dialog;

import static ar.booking.core.conversation.dialog.DialogFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.messaging.OutboxStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Handing a guest to a person, the bot's silence meanwhile, and handing them back. */
class HandoffDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña del Lago");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana");
  private final ReleaseConversation release =
      new ReleaseConversation(
          f.stores.conversations(), f.stores.events(), f.stores.transactions(), f.clock);

  @Test
  void askingForAPersonHandsTheGuestOverThenTheBotIsSilentUntilReleased() {
    String reply = all(ana.says("quiero hablar con una persona"));

    assertThat(reply).contains("le aviso a una persona");
    assertThat(f.guestEvents(ana.waId))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.HANDOFF_REQUESTED);
    DomainEvent requested = f.guestEvents(ana.waId).getFirst();
    assertThat(requested.get("guest")).isEqualTo(ana.waId);
    assertThat(requested.get("reason")).isEqualTo("asked");
    assertThat(f.conversation(ana.waId).inHandoff(f.clock.instant())).isTrue();

    assertThat(ana.says("hola? del 10 al 13 de diciembre")).isEmpty();
    assertThat(ana.says("hay alguien?")).isEmpty();

    assertThat(release.release(ana.waId, "owner")).isInstanceOf(ReleaseConversation.Released.class);
    assertThat(f.guestEvents(ana.waId))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.HANDOFF_REQUESTED, EventType.HANDOFF_RELEASED);

    assertThat(all(ana.says("hola"))).contains("¿Qué querés hacer?");
  }

  @Test
  void theHandoffButtonHandsTheGuestOver() {
    assertThat(all(ana.picks(ReplyRenderer.MENU_HUMAN, "Hablar con alguien")))
        .contains("le aviso a una persona");
    assertThat(f.conversation(ana.waId).handoffUntil())
        .isEqualTo(f.clock.instant().plus(Duration.ofHours(24)));
  }

  @Test
  void twoMisunderstandingsInARowHandTheGuestOver() {
    ana.says("hola");
    assertThat(all(ana.says("qwerty asdf"))).contains("no te entendí");

    assertThat(all(ana.says("zxcv bnm"))).contains("Le aviso a una persona");
    assertThat(f.guestEvents(ana.waId).getFirst().get("reason")).isEqualTo("misunderstood");
  }

  @Test
  void anUnderstoodMessageBetweenTwoMisunderstandingsResetsTheCount() {
    ana.says("hola");
    ana.says("qwerty asdf");
    ana.says("del 10 al 13 de diciembre");

    assertThat(all(ana.says("zxcv bnm"))).contains("no te entendí");
    assertThat(f.guestEvents(ana.waId)).isEmpty();
  }

  @Test
  void theBotAnswersAgainWhenTheConfiguredHandoffTimeHasPassed() {
    DialogFixture short2 = new DialogFixture(DialogSettings.DEFAULT.withHandoffHours(2), "Lago");
    DialogFixture.Guest leo = short2.guest("5491100000001", "Leo");
    leo.says("hablar con una persona");
    short2.clock.advance(Duration.ofMinutes(119));
    assertThat(leo.says("hola")).isEmpty();

    short2.clock.advance(Duration.ofMinutes(2));

    assertThat(all(leo.says("hola"))).contains("¿Qué querés hacer?");
    assertThat(short2.guestEvents(leo.waId))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.HANDOFF_REQUESTED, EventType.HANDOFF_RELEASED);
  }

  @Test
  void releasingAGuestNotInHandoffChangesNothing() {
    ana.says("hola");

    assertThat(release.release(ana.waId, "owner"))
        .isInstanceOf(ReleaseConversation.NotInHandoff.class);
    assertThat(release.release("5490000000000", "owner"))
        .isInstanceOf(ReleaseConversation.NotFound.class);
    assertThat(f.guestEvents(ana.waId)).isEmpty();
  }

  @Test
  void theOwnerAnswersThroughTheSameOutboxUnderItsOwnKey() {
    ana.says("hablar con una persona");
    ReplyAsOwner owner = new ReplyAsOwner(f.stores.outbox(), f.clock);

    var result = owner.reply(ana.waId, "Hola Ana, soy Marta, ¿en qué te ayudo?");

    assertThat(result).isInstanceOf(ReplyAsOwner.Queued.class);
    String key = ((ReplyAsOwner.Queued) result).key();
    assertThat(key).startsWith("owner:");
    assertThat(f.stores.outbox().inStatus(OutboxStatus.PENDING, 100))
        .anyMatch(
            q ->
                q.message().key().equals(key)
                    && q.message().content().plainText().contains("soy Marta"));
    assertThat(owner.reply(ana.waId, " ")).isInstanceOf(ReplyAsOwner.Rejected.class);
    assertThat(owner.reply(ana.waId, "x".repeat(4097))).isInstanceOf(ReplyAsOwner.Rejected.class);
  }
}
