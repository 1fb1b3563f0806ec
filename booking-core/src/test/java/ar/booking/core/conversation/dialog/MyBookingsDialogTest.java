package ar.booking.core.conversation.dialog;

import static ar.booking.core.conversation.dialog.DialogFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.MessageContent;
import ar.booking.core.reservation.ReservationStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Mis reservas" and cancelling with a confirm step. */
class MyBookingsDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña del Lago", "Cabaña del Bosque");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana");

  private String book(String request) {
    MessageContent.Buttons offers = (MessageContent.Buttons) ana.says(request).getFirst();
    ana.picks(offers, 0);
    return f.reservationsOf(ana.waId).getFirst().code().value();
  }

  @Test
  void myBookingsListsTheGuestsHoldsWithTheirExpiry() {
    String code = book("del 10 al 13 de diciembre, 2 personas");

    String list = all(ana.says("mis reservas"));

    assertThat(list)
        .contains("Tus reservas")
        .contains(code)
        .contains("Cabaña del Lago")
        .contains("pendiente de pago hasta las 12:30");
  }

  @Test
  void aGuestWithoutBookingsIsToldSoAndOfferedToLook() {
    List<MessageContent> replies = ana.picks(ReplyRenderer.MENU_BOOKINGS, "Mis reservas");

    assertThat(all(replies)).contains("No encontré reservas");
  }

  @Test
  void anotherGuestsBookingsAreNeverShown() {
    String code = book("del 10 al 13 de diciembre, 2 personas");
    DialogFixture.Guest other = f.guest("5491199999999", "Otro");

    assertThat(all(other.says("mis reservas"))).doesNotContain(code).contains("No encontré");
  }

  @Test
  void cancellingAsksForConfirmationAndThenFreesTheNights() {
    String code = book("del 10 al 13 de diciembre, 2 personas");

    MessageContent.Buttons confirm =
        (MessageContent.Buttons) ana.says("quiero cancelar la reserva").getFirst();
    assertThat(confirm.body()).contains("¿Seguro que querés cancelar la reserva " + code);
    assertThat(f.reservationsOf(ana.waId).getFirst().status())
        .isEqualTo(ReservationStatus.PRE_RESERVED);

    String done = all(ana.picks(confirm, 0));

    assertThat(done).contains("cancelé la reserva " + code);
    assertThat(f.reservationsOf(ana.waId).getFirst().status())
        .isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void sayingNoAtTheConfirmStepKeepsTheBooking() {
    String code = book("del 10 al 13 de diciembre, 2 personas");
    MessageContent.Buttons confirm = (MessageContent.Buttons) ana.says("cancelar").getFirst();

    assertThat(all(ana.picks(confirm, 1))).contains("sigue en pie");
    assertThat(f.reservationsOf(ana.waId).getFirst().status())
        .isEqualTo(ReservationStatus.PRE_RESERVED);
    assertThat(code).isNotBlank();
  }

  @Test
  void withSeveralBookingsTheGuestPicksWhichOneToCancel() {
    String first = book("del 10 al 13 de diciembre, 2 personas");
    String second = book("del 15 al 17 de diciembre, 2 personas");

    MessageContent.Buttons pick = (MessageContent.Buttons) ana.says("cancelar").getFirst();
    assertThat(pick.body()).contains(first).contains(second);
    int index = pick.choices().get(0).title().contains(second) ? 0 : 1; // cancel the second one
    MessageContent.Buttons confirm = (MessageContent.Buttons) ana.picks(pick, index).getFirst();
    ana.picks(confirm, 0);

    assertThat(
            f.stores.reservations().find(new ar.booking.core.reservation.ReservationCode(second)))
        .get()
        .extracting(r -> r.status())
        .isEqualTo(ReservationStatus.CANCELLED);
    assertThat(f.stores.reservations().find(new ar.booking.core.reservation.ReservationCode(first)))
        .get()
        .extracting(r -> r.status())
        .isEqualTo(ReservationStatus.PRE_RESERVED);
  }

  @Test
  void aConfirmedBookingTooCloseToCheckInIsNotCancelledByTheBot() {
    String code = book("mañana 2 noches, 2 personas");
    var held = f.reservationsOf(ana.waId).getFirst();
    f.engine
        .confirmReservation()
        .execute(new ar.booking.core.usecase.ConfirmReservation.Command(held.code(), "owner"));

    String reply = all(ana.says("quiero cancelar"));

    assertThat(reply).contains("ya no se puede cancelar por acá");
    assertThat(f.reservationsOf(ana.waId).getFirst().status())
        .isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(code).isNotBlank();
  }
}
