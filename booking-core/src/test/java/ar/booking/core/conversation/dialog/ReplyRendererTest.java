package ar.booking.core.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.conversation.ProblemCode;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.shared.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Wording and WhatsApp's limits. */
class ReplyRendererTest {

  private final ReplyRenderer renderer = new ReplyRenderer();
  private final Reply.Understood stay =
      new Reply.Understood(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 13), 2);

  @Test
  void theReadBackNamesWeekdaysNightsAndPeople() {
    assertThat(renderer.readBack(stay))
        .isEqualTo("Entrada jue 10/12 → salida dom 13/12, 3 noches, 2 personas");
    assertThat(
            renderer.readBack(
                new Reply.Understood(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11), 1)))
        .isEqualTo("Entrada jue 10/12 → salida vie 11/12, 1 noche, 1 persona");
  }

  @Test
  void moneyIsWrittenTheArgentineWay() {
    assertThat(ReplyRenderer.money(Money.ars(39_000))).isEqualTo("$ 39.000");
    assertThat(ReplyRenderer.money(Money.ars("1234567.5"))).isEqualTo("$ 1.234.567,50");
    assertThat(ReplyRenderer.money(Money.ars(900))).isEqualTo("$ 900");
  }

  @Test
  void everyReplyAndEveryProblemHasItsText() {
    List<Reply> replies = new ArrayList<>();
    for (ProblemCode code : ProblemCode.values()) {
      replies.add(new Reply.Problem(code));
    }
    for (Reply.Missing missing : Reply.Missing.values()) {
      replies.add(new Reply.Ask(missing));
    }
    replies.addAll(
        List.of(
            new Reply.Welcome(),
            new Reply.Heard("hola"),
            new Reply.AudioUnclear(),
            new Reply.AudioNotUsable(),
            new Reply.NotText(),
            new Reply.Thanks(),
            new Reply.NotUnderstood(),
            new Reply.TooManyGuests(4),
            new Reply.BelowMinimumStay(3, LocalDate.of(2026, 12, 21)),
            new Reply.OfferExpired(),
            new Reply.PaymentLink("ABCD1234", "https://x"),
            new Reply.PaymentLinkLater("ABCD1234", "link:x"),
            new Reply.NothingToPay(),
            new Reply.NoBookings(),
            new Reply.Cancelled("ABCD1234"),
            new Reply.KeptBooking("ABCD1234"),
            new Reply.CannotCancel("ABCD1234"),
            new Reply.Handoff(false),
            new Reply.Handoff(true),
            new Reply.NoneFree(stay, List.of(), false)));
    for (Reply reply : replies) {
      String text = renderer.render(reply, "Ana", 60).plainText();
      assertThat(text).as(reply.toString()).isNotBlank().doesNotContain("{").doesNotContain("_");
    }
  }

  @Test
  void buttonTitlesListRowsAndBodiesStayWithinWhatsAppLimits() {
    List<Reply.Offer> three =
        IntStream.range(0, 3).mapToObj(i -> offer("Cabaña con un nombre larguísimo " + i)).toList();
    MessageContent.Buttons buttons =
        (MessageContent.Buttons) renderer.render(new Reply.Offers(stay, three), null, 60);
    assertThat(buttons.choices()).allMatch(c -> c.title().length() <= 20);
    assertThat(buttons.choices()).extracting(c -> c.title()).doesNotHaveDuplicates();

    List<Reply.Offer> twelve =
        IntStream.range(0, 12).mapToObj(i -> offer("Unidad " + "x".repeat(120) + i)).toList();
    MessageContent.ChoiceList list =
        (MessageContent.ChoiceList) renderer.render(new Reply.Offers(stay, twelve), null, 60);
    assertThat(list.choices()).hasSize(10);
    assertThat(list.choices()).allMatch(c -> c.title().length() <= 24);
    assertThat(list.choices()).allMatch(c -> c.description().length() <= 72);
    assertThat(list.body().length()).isLessThanOrEqualTo(1024);
  }

  @Test
  void aLongStayGroupsItsNightsByPrice() {
    List<Reply.Night> nights =
        IntStream.range(0, 40)
            .mapToObj(i -> new Reply.Night(LocalDate.of(2027, 1, 1).plusDays(i), Money.ars(15_000)))
            .toList();
    Reply.HoldPlaced hold =
        new Reply.HoldPlaced(
            "ABCD1234",
            "Cabaña",
            new Reply.Understood(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 10), 2),
            nights,
            Money.ars(5_000),
            Money.ars(605_000),
            Money.ars(181_500),
            LocalDateTime.of(2026, 11, 25, 12, 30),
            "https://pagos.example/x",
            null);

    String text = renderer.render(hold, "Ana", 60).plainText();

    assertThat(text).contains("40 noches × $ 15.000").contains("Total: $ 605.000");
  }

  private Reply.Offer offer(String name) {
    return new Reply.Offer(
        "offer:" + name.hashCode(),
        name,
        stay.checkIn(),
        stay.checkOut(),
        Money.ars(39_000),
        Money.ars(11_700),
        false);
  }
}
