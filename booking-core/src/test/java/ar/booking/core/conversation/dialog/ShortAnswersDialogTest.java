package ar.booking.core.conversation.dialog;

import static ar.booking.core.conversation.dialog.DialogFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.MessageContent;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Guests answer the way people do on WhatsApp: a bare number, "la segunda", a unit's number. */
class ShortAnswersDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña 1", "Cabaña 2", "Depto Centro");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana");

  @Test
  void aBareNumberAfterAskingForPeopleIsThePeople() {
    assertThat(all(ana.says("del 10 al 13 de diciembre"))).contains("¿Cuántas personas son?");

    assertThat(all(ana.says("2"))).contains("3 noches, 2 personas").contains("Tengo lugar en");
  }

  @Test
  void aNumberWordAfterAskingForNightsIsTheNights() {
    assertThat(all(ana.says("llegamos el 10 de diciembre, somos 2")))
        .contains("¿Hasta qué día se quedarían?");

    assertThat(all(ana.says("tres"))).contains("Entrada jue 10/12 → salida dom 13/12");
  }

  @Test
  void anOptionCanBePickedByItsPlaceInTheList() {
    ana.says("del 10 al 13 de diciembre, 2 personas");

    String reply = all(ana.says("la segunda"));

    assertThat(reply).contains("Te guardo Cabaña 2");
    assertThat(f.reservationsOf(ana.waId).getFirst().accommodationId())
        .isEqualTo(f.units.get(1).id());
  }

  @Test
  void aNumberPicksAnOptionWhenOptionsWereJustShown() {
    ana.says("del 10 al 13 de diciembre, 2 personas");

    assertThat(all(ana.says("3"))).contains("Te guardo Depto Centro");
  }

  @Test
  void aUnitNamedByItsNumberNarrowsTheOptions() {
    MessageContent.Buttons offers =
        (MessageContent.Buttons)
            ana.says("la cabaña 2 del 10 al 13 de diciembre para 2 personas").getFirst();

    assertThat(offers.choices()).extracting(Choice::title).containsExactly("Cabaña 2");
  }

  @Test
  void aUnitNamedByItsKindNarrowsTheOptions() {
    MessageContent.Buttons offers =
        (MessageContent.Buttons)
            ana.says("el depto del 10 al 13 de diciembre, 2 personas").getFirst();

    assertThat(offers.choices()).extracting(Choice::title).containsExactly("Depto Centro");
  }

  @Test
  void aNewRequestReplacesTheDatesButKeepsThePeople() {
    ana.says("del 10 al 13 de diciembre, somos 3");

    String reply = all(ana.says("y del 15 al 17?"));

    assertThat(reply).contains("Entrada mar 15/12 → salida jue 17/12, 2 noches, 3 personas");
    assertThat(LocalDate.of(2026, 12, 15).getDayOfWeek().getValue()).isEqualTo(2);
  }
}
