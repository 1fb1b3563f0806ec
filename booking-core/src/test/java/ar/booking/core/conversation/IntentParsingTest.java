package ar.booking.core.conversation;

import static ar.booking.core.conversation.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentParsingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tenés disponibilidad? | AVAILABILITY",
        "hay lugar del 3 al 5? | AVAILABILITY",
        "del 3 al 5 somos 2 | AVAILABILITY",
        "cuánto sale la noche? | PRICE",
        "precio del 3 al 5 | PRICE",
        "qué tarifa tienen? | PRICE",
        "quiero reservar | BOOK",
        "dale, lo tomo | BOOK",
        "cómo hago para señar? | BOOK",
        "cómo está mi reserva? | MY_BOOKINGS",
        "ya reservé, me confirmás? | MY_BOOKINGS",
        "quiero cancelar mi reserva | CANCEL",
        "necesito anular la reserva | CANCEL",
        "quiero hablar con una persona | HUMAN",
        "me podés llamar? | HUMAN",
        "sos un bot? | HUMAN",
        "hola | GREETING",
        "buen día! | GREETING",
        "buenas noches | GREETING",
        "muchas gracias!! | THANKS",
        "gracias, quiero reservar | BOOK",
        "hola, cuánto sale? | PRICE",
        "tiene wifi? | OTHER",
        "👍 | OTHER",
      })
  void intentsFollowAFixedPriority(String text, Intent intent) {
    assertThat(parse(text).intent()).isEqualTo(intent);
  }
}
