package ar.booking.core.conversation.dialog;

import static ar.booking.core.conversation.dialog.DialogFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole conversations, from the first "hola" to a hold with its payment link. */
class BookingDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña del Lago", "Cabaña del Bosque");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana Pérez");

  @Test
  void aGreetingGetsAShortWelcomeWithTheThreeThingsTheGuestCanDo() {
    List<MessageContent> replies = ana.says("hola!");

    assertThat(replies).hasSize(1);
    MessageContent.Buttons welcome = (MessageContent.Buttons) replies.getFirst();
    assertThat(welcome.body()).contains("Hola Ana");
    assertThat(welcome.choices())
        .extracting(Choice::title)
        .containsExactly("Ver disponibilidad", "Mis reservas", "Hablar con alguien");
  }

  @Test
  void aGuestGoesFromHelloToAHoldWithItsPriceAndPaymentLink() {
    ana.says("hola");
    List<MessageContent> offers = ana.says("tenés lugar del 10 al 13 de diciembre para 2?");

    MessageContent.Buttons choices = (MessageContent.Buttons) offers.getFirst();
    assertThat(choices.body())
        .contains("Entrada jue 10/12 → salida dom 13/12, 3 noches, 2 personas")
        .contains("Cabaña del Lago: total $ 39.000, seña $ 11.700")
        .contains("Cabaña del Bosque: total $ 39.000, seña $ 11.700");
    assertThat(choices.choices()).hasSize(2);
    assertThat(choices.choices()).allMatch(c -> c.id().startsWith("offer:"));

    String held = all(ana.picks(choices, 0));

    List<Reservation> mine = f.reservationsOf(ana.waId);
    assertThat(mine).hasSize(1);
    Reservation hold = mine.getFirst();
    assertThat(hold.status()).isEqualTo(ReservationStatus.PRE_RESERVED);
    assertThat(hold.accommodationId()).isEqualTo(f.units.getFirst().id());
    assertThat(hold.period().checkIn()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(hold.contact().name()).isEqualTo("Ana Pérez");
    assertThat(held)
        .contains("Código de reserva: " + hold.code().value())
        .contains("hasta las 12:30 del mié 25/11")
        .contains("jue 10/12: $ 10.000")
        .contains("vie 11/12: $ 12.000")
        .contains("sáb 12/12: $ 12.000")
        .contains("Limpieza: $ 5.000")
        .contains("Total: $ 39.000")
        .contains("Seña para confirmar: $ 11.700")
        .contains("https://pagos.example/checkout/" + hold.code().value());
  }

  @Test
  void whenNothingIsFreeTheGuestGetsTheNearestAlternativesAsChoices() {
    f.units.forEach(u -> f.block(u, "2026-12-10", "2026-12-13"));

    List<MessageContent> replies = ana.says("del 10 al 13 de diciembre, 2 personas");

    MessageContent.Buttons alternatives = (MessageContent.Buttons) replies.getFirst();
    assertThat(alternatives.body())
        .contains("no me queda lugar")
        .contains("Entrada jue 10/12 → salida dom 13/12")
        .contains("Te puedo ofrecer");
    assertThat(alternatives.choices()).isNotEmpty().allMatch(c -> c.id().startsWith("offer:"));
    assertThat(alternatives.choices()).allMatch(c -> c.title().length() <= 20);

    ana.picks(alternatives, 0);
    Reservation hold = f.reservationsOf(ana.waId).getFirst();
    assertThat(hold.period().nights()).isEqualTo(3);
    assertThat(hold.period().checkIn()).isNotEqualTo(LocalDate.of(2026, 12, 10));
  }

  @Test
  void missingPiecesAreAskedOneByOneAndEarlierAnswersAreRemembered() {
    assertThat(all(ana.says("hola, quería consultar disponibilidad")))
        .contains("¿Para qué fechas y cuántas personas?");
    assertThat(all(ana.says("del 10 al 13 de diciembre"))).contains("¿Cuántas personas son?");
    List<MessageContent> offers = ana.says("somos 3");
    assertThat(all(offers)).contains("3 noches, 3 personas");
    assertThat(((MessageContent.Buttons) offers.getFirst()).choices()).hasSize(2);

    List<MessageContent> narrowed = ana.says("la cabaña del bosque");

    MessageContent.Buttons one = (MessageContent.Buttons) narrowed.getFirst();
    assertThat(one.choices()).extracting(Choice::title).containsExactly("Cabaña del Bosque");
    assertThat(one.body()).contains("3 noches, 3 personas");
  }

  @Test
  void aGuestWhoGivesNightsThenTheArrivalDayGetsOffers() {
    assertThat(all(ana.says("3 noches para 2 personas"))).contains("¿Qué día llegarían?");
    assertThat(all(ana.says("el 10 de diciembre")))
        .contains("Entrada jue 10/12 → salida dom 13/12, 3 noches, 2 personas");
  }

  @Test
  void aUnitMentionedByNameNarrowsTheOptions() {
    List<MessageContent> replies =
        ana.says("la cabaña del lago del 10 al 13 de diciembre para 2 personas");

    MessageContent.Buttons offers = (MessageContent.Buttons) replies.getFirst();
    assertThat(offers.choices()).extracting(Choice::title).containsExactly("Cabaña del Lago");
  }

  @Test
  void aNamedUnitThatIsTakenGivesTheOtherUnitsAsAlternatives() {
    f.block(f.units.getFirst(), "2026-12-10", "2026-12-13");

    List<MessageContent> replies =
        ana.says("la cabaña del lago del 10 al 13 de diciembre, somos 2");

    MessageContent.Buttons offers = (MessageContent.Buttons) replies.getFirst();
    assertThat(offers.body()).contains("no me queda lugar").contains("Cabaña del Bosque");
  }

  @Test
  void sayingLoQuieroWithASingleOfferHoldsIt() {
    ana.says("la cabaña del lago del 10 al 13 de diciembre, 2 personas");

    String reply = all(ana.says("dale, la quiero"));

    assertThat(f.reservationsOf(ana.waId)).hasSize(1);
    assertThat(reply).contains("Código de reserva");
  }

  @Test
  void anExpiredOfferIsRefreshedInsteadOfHeld() {
    MessageContent.Buttons offers =
        (MessageContent.Buttons) ana.says("del 10 al 13 de diciembre, 2 personas").getFirst();
    f.clock.advance(java.time.Duration.ofMinutes(31));

    List<MessageContent> replies = ana.picks(offers, 0);

    assertThat(f.reservationsOf(ana.waId)).isEmpty();
    assertThat(all(replies)).contains("ya venció").contains("Tengo lugar en");
  }

  @Test
  void whenThePaymentProviderIsDownTheGuestIsToldTheLinkComesAndCanAskForItLater() {
    f.gateway.down = true;
    MessageContent.Buttons offers =
        (MessageContent.Buttons) ana.says("del 10 al 13 de diciembre, 2 personas").getFirst();

    List<MessageContent> held = ana.picks(offers, 0);

    MessageContent.Buttons later = (MessageContent.Buttons) held.getFirst();
    assertThat(later.body()).contains("Código de reserva").doesNotContain("https://");
    assertThat(later.body()).contains("te lo mando en un momento");
    f.gateway.down = false;

    String link = all(ana.picks(later, 0));

    Reservation hold = f.reservationsOf(ana.waId).getFirst();
    assertThat(link).contains("https://pagos.example/checkout/" + hold.code().value());
  }

  @Test
  void aListIsUsedWhenMoreThanThreeUnitsAreFree() {
    DialogFixture five =
        new DialogFixture("Uno", "Dos", "Tres", "Cuatro", "Cinco con un nombre largo");
    DialogFixture.Guest guest = five.guest("5491100000000", "Leo");

    MessageContent reply = guest.says("del 10 al 13 de diciembre, 2 personas").getFirst();

    MessageContent.ChoiceList list = (MessageContent.ChoiceList) reply;
    assertThat(list.choices()).hasSize(5);
    assertThat(list.choices()).allMatch(c -> c.title().length() <= 24);
    assertThat(list.choices())
        .allMatch(c -> c.description() != null && c.description().length() <= 72);
    assertThat(list.button().length()).isLessThanOrEqualTo(20);
  }
}
