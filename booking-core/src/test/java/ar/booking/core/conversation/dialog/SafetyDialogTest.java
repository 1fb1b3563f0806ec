package ar.booking.core.conversation.dialog;

import static ar.booking.core.conversation.dialog.DialogFixture.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.StoredInbound;
import ar.booking.core.reservation.ReservationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Races, crashes, repeats and floods: one hold, one answer, never an error. */
class SafetyDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña del Lago");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana");
  private final DialogFixture.Guest bruno = f.guest("5491155555555", "Bruno");

  @Test
  void twoGuestsPickingTheSameNightsGetOneHoldAndTheOtherGetsAlternatives() {
    MessageContent.Buttons anaOffers =
        (MessageContent.Buttons) ana.says("del 10 al 13 de diciembre, 2 personas").getFirst();
    MessageContent.Buttons brunoOffers =
        (MessageContent.Buttons) bruno.says("del 10 al 13 de diciembre, 2 personas").getFirst();

    String anaReply = all(ana.picks(anaOffers, 0));
    List<MessageContent> brunoReplies = bruno.picks(brunoOffers, 0);

    assertThat(f.holds()).hasSize(1);
    assertThat(anaReply).contains("Código de reserva");
    MessageContent.Buttons alternatives = (MessageContent.Buttons) brunoReplies.getFirst();
    assertThat(alternatives.body())
        .contains("se acaban de reservar")
        .contains("Te puedo ofrecer")
        .doesNotContain("Código de reserva");
    assertThat(alternatives.choices()).allMatch(c -> c.id().startsWith("offer:"));
  }

  @Test
  void twoGuestsPickingAtTheSameInstantGetExactlyOneHold() throws Exception {
    MessageContent.Buttons anaOffers =
        (MessageContent.Buttons) ana.says("del 10 al 13 de diciembre, 2 personas").getFirst();
    MessageContent.Buttons brunoOffers =
        (MessageContent.Buttons) bruno.says("del 10 al 13 de diciembre, 2 personas").getFirst();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<MessageContent>>> picks =
          List.of(
              () -> {
                start.await();
                return ana.picks(anaOffers, 0);
              },
              () -> {
                start.await();
                return bruno.picks(brunoOffers, 0);
              });
      List<Future<List<MessageContent>>> done = new ArrayList<>();
      picks.forEach(p -> done.add(pool.submit(p)));
      start.countDown();
      String both = all(done.get(0).get()) + all(done.get(1).get());

      assertThat(f.holds()).hasSize(1);
      assertThat(both).containsOnlyOnce("Código de reserva").contains("se acaban de reservar");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void handlingTheSameMessageTwiceNeitherHoldsNorAnswersTwice() {
    MessageContent.Buttons offers =
        (MessageContent.Buttons) ana.says("del 10 al 13 de diciembre, 2 personas").getFirst();
    var choice = offers.choices().getFirst();
    StoredInbound pick =
        f.stored(
            InboundMessage.choice(
                "wamid.pick", ana.waId, ana.name, choice.id(), choice.title(), f.clock.instant()));

    f.handler.handle(pick);
    int replies = ana.repliesSoFar();
    f.handler.handle(pick);

    assertThat(f.holds()).hasSize(1);
    assertThat(ana.repliesSoFar()).isEqualTo(replies);
  }

  @Test
  void aCrashAfterTheHoldButBeforeTheCommitDoesNotHoldTwiceWhenHandledAgain() {
    MessageContent.Buttons offers =
        (MessageContent.Buttons) ana.says("del 10 al 13 de diciembre, 2 personas").getFirst();
    var choice = offers.choices().getFirst();
    StoredInbound pick =
        f.stored(
            InboundMessage.choice(
                "wamid.crash", ana.waId, ana.name, choice.id(), choice.title(), f.clock.instant()));
    HandleGuestMessage crashing =
        f.handlerOn(new DialogFixture.FailingOutbox(f.stores.outbox(), 1), DialogSettings.DEFAULT);
    int before = ana.repliesSoFar();

    assertThatThrownBy(() -> crashing.handle(pick)).isInstanceOf(IllegalStateException.class);
    assertThat(f.holds()).hasSize(1);
    assertThat(ana.repliesSoFar()).isEqualTo(before);

    f.handler.handle(pick);

    assertThat(f.holds()).hasSize(1);
    assertThat(f.holds().getFirst().status()).isEqualTo(ReservationStatus.PRE_RESERVED);
    List<MessageContent> replies = ana.unread();
    assertThat(all(replies.subList(replies.size() - 1, replies.size())))
        .contains("Código de reserva");
    assertThat(f.stores.outbox().toRecipient(ana.waId, 100))
        .filteredOn(q -> q.message().key().startsWith("reply:wamid.crash:"))
        .hasSize(1);
  }

  @Test
  void twentyMessagesInARowAreEachAnsweredWithoutAnError() {
    String[] messages = {
      "hola", "tenés lugar?", "del 10 al 13 de diciembre", "somos 2", "la cabaña del lago",
      "cuánto sale?", "y del 15 al 18?", "somos 3 al final", "gracias", "mis reservas",
      "hola de nuevo", "3 noches", "desde el 20 de diciembre", "2 adultos y 1 nene", "precio?",
      "del 5 al 8 de enero", "4 personas", "ok", "gracias!", "buenas"
    };
    for (String text : messages) {
      f.clock.advance(java.time.Duration.ofMillis(50));
      List<MessageContent> replies = ana.says(text);
      assertThat(replies).as(text).isNotEmpty();
    }
    assertThat(f.conversation(ana.waId).data().get(DialogData.HANDLED).split(" "))
        .hasSizeLessThanOrEqualTo(30);
  }

  @Test
  void longEmojiAndRightToLeftTextNeverThrows() {
    List<String> texts =
        List.of(
            "a".repeat(4096),
            "😀🏖️👨‍👩‍👧‍👦".repeat(400),
            "مرحبا، هل لديكم مكان من 10 إلى 13 ديسمبر؟",
            "שלום, יש מקום ב-10/12?",
            "\u202Edel 10 al 13\u202C de diciembre 🙏 somos 2 👍",
            "del 10 al 13 de diciembre " + "🙂".repeat(2000),
            "",
            " \n\t ",
            "\u0000\u0001 hola");
    for (String text : texts) {
      assertThat(ana.says(text)).as(text.substring(0, Math.min(20, text.length()))).isNotNull();
    }
    f.stores.outbox().toRecipient(ana.waId, 1000).forEach(q -> assertThat(q.message()).isNotNull());
  }
}
