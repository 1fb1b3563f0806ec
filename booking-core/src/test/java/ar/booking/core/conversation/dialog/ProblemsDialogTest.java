package ar.booking.core.conversation.dialog;

import static ar.booking.core.conversation.dialog.DialogFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Requests that cannot be booked as written get a clear explanation with an example. */
class ProblemsDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña del Lago", "Cabaña del Bosque");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana");

  @Test
  void moreGuestsThanTheLargestUnitSleepsIsExplained() {
    String reply = all(ana.says("del 10 al 13 de diciembre, somos 9"));

    assertThat(reply).contains("más grande es para 4 personas").contains("por ejemplo");
    assertThat(f.holds()).isEmpty();
  }

  @Test
  void aStayShorterThanTheSeasonsMinimumIsExplainedWithTheGuestsOwnDates() {
    String reply = all(ana.says("del 21 al 22 de diciembre, 2 personas"));

    assertThat(reply).contains("estadía mínima es de 3 noches").contains("«del 21/12 al 24/12»");
  }

  @Test
  void aDateInThePastIsExplained() {
    String reply = all(ana.says("del 20/11/2026 al 22/11/2026, 2 personas"));

    assertThat(reply).contains("Esa fecha ya pasó").contains("por ejemplo");
  }

  @Test
  void anImpossibleDateIsExplained() {
    assertThat(all(ana.says("del 31/4 al 3/5, 2 personas"))).contains("no existe");
  }

  @Test
  void aTooLongStayIsExplained() {
    assertThat(all(ana.says("del 1/1 al 30/4, 2 personas")))
        .contains("hasta 60 noches")
        .contains("por ejemplo");
  }

  @Test
  void guestsSaidAlongsideABadDateAreRememberedForTheCorrection() {
    ana.says("del 31/4 al 3/5, somos 3");

    assertThat(all(ana.says("perdón, del 10 al 13 de diciembre"))).contains("3 noches, 3 personas");
  }

  @Test
  void noTextEverShowsAnInternalCodeOrFieldName() {
    String[] requests = {
      "hola",
      "del 31/4 al 3/5",
      "del 21 al 22 de diciembre, 2 personas",
      "somos 20",
      "del 1/1 al 30/4",
      "3 noches",
      "mis reservas",
      "cancelar",
      "qwerty"
    };
    StringBuilder everything = new StringBuilder();
    for (String r : requests) {
      everything.append(all(ana.says(r)));
    }
    assertThat(everything.toString())
        .doesNotContainPattern("[A-Z]{2,}_[A-Z]{2,}")
        .doesNotContain("req.")
        .doesNotContain("offer:")
        .doesNotContain("null")
        .doesNotContain("{0}");
  }
}
