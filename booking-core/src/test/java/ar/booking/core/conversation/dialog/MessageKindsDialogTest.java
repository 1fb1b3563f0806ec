package ar.booking.core.conversation.dialog;

import static ar.booking.core.conversation.dialog.DialogFixture.all;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.Transcription;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Voice notes, pictures, stickers and the rest. */
class MessageKindsDialogTest {

  private final DialogFixture f = new DialogFixture("Cabaña del Lago");
  private final DialogFixture.Guest ana = f.guest("5492944111111", "Ana");

  @Test
  void aVoiceNoteThatWasHeardIsQuotedAndAnsweredLikeText() {
    f.speech.next.set(new Transcription.Heard("del 10 al 13 de diciembre para dos personas", 0.9));
    InboundMessage note =
        new InboundMessage(
            "wamid.voice",
            ana.waId,
            ana.name,
            InboundKind.AUDIO,
            null,
            null,
            new InboundMessage.MediaRef("media-1", "audio/ogg", "abc", true),
            f.clock.instant());

    GuestMessageHandler.Handled handled = f.handler.handle(f.stored(note));
    List<MessageContent> replies = ana.unread();

    assertThat(handled.transcript()).isEqualTo("del 10 al 13 de diciembre para dos personas");
    assertThat(replies.getFirst().plainText())
        .isEqualTo("Entendí: «del 10 al 13 de diciembre para dos personas»");
    assertThat(all(replies)).contains("Entrada jue 10/12 → salida dom 13/12, 3 noches");
  }

  @Test
  void anUnclearVoiceNoteIsAnsweredWithARequestToWrite() {
    f.speech.next.set(new Transcription.Unclear(0.2));

    assertThat(all(ana.sendsVoiceNote()))
        .isEqualTo("No te entendí bien el audio, ¿me lo escribís?");
  }

  @Test
  void whenVoiceNotesCannotBeHeardTheGuestIsAskedToWrite() {
    f.speech.next.set(new Transcription.Unavailable("no model"));
    assertThat(all(ana.sendsVoiceNote())).contains("¿me lo escribís?");

    f.speech.next.set(new Transcription.Unusable("corrupt"));
    assertThat(all(ana.sendsVoiceNote())).contains("¿me lo escribís?");
  }

  @Test
  void aRecogniserThatThrowsIsTreatedAsUnavailable() {
    f.speech.next.set(null);

    assertThat(all(ana.sendsVoiceNote())).contains("¿me lo escribís?");
  }

  @ParameterizedTest
  @EnumSource(
      value = InboundKind.class,
      names = {"IMAGE", "DOCUMENT", "LOCATION", "STICKER", "REACTION", "OTHER"})
  void messagesWithoutTextGetAPoliteAnswer(InboundKind kind) {
    List<MessageContent> replies = ana.sends(kind);

    assertThat(all(replies)).contains("solo leo mensajes de texto");
  }
}
