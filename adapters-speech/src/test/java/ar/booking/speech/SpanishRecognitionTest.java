package ar.booking.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.Transcription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real Spanish recognition of the fixtures, for whoever has a model: it runs whenever {@code
 * VOSK_MODEL_PATH} points at one (e.g. vosk-model-small-es-0.42). Without it the test's name says
 * "NOT RUN" and it checks what production does then: every note is Unavailable (the dialog asks the
 * guest to write). Never a silent skip.
 */
class SpanishRecognitionTest {

  private static final InboundMessage.MediaRef NOTE =
      new InboundMessage.MediaRef("media-1", "audio/ogg; codecs=opus", null, true);

  @TestFactory
  Stream<DynamicTest> realRecognitionRunsOnlyWithVoskModelPathElseNotRunAndUnavailableIsChecked() {
    Optional<Path> model =
        Optional.ofNullable(System.getenv("VOSK_MODEL_PATH"))
            .filter(v -> !v.isBlank())
            .map(Path::of);
    if (model.isEmpty()) {
      System.out.println(
          "SpanishRecognitionTest: NOT RUN — real recognition needs VOSK_MODEL_PATH (unset here)");
      return Stream.of(
          DynamicTest.dynamicTest(
              "NOT RUN (VOSK_MODEL_PATH unset): real recognition; checked instead that a note is"
                  + " Unavailable without a model",
              () -> {
                try (VoskRecognizer recognizer = VoskRecognizer.start(Optional.empty())) {
                  Transcription t = speech(recognizer).transcribe(NOTE);
                  assertThat(t).isEqualTo(new Transcription.Unavailable("recogniser missing"));
                }
              }));
    }
    return Stream.of(
        DynamicTest.dynamicTest(
            "RAN with the model at " + model.get() + ": the guest's question is recognised",
            () -> {
              try (VoskRecognizer recognizer = VoskRecognizer.loadNow(model.get())) {
                assertThat(recognizer.state()).isEqualTo(VoskRecognizer.State.READY);
                Decoding.Pcm pcm =
                    (Decoding.Pcm)
                        new OggOpusDecoder(Duration.ofSeconds(120))
                            .decode(Fixtures.bytes("consulta.ogg"));
                long start = System.nanoTime();
                Recognition r = recognizer.recognise(pcm);
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf(
                    "SpanishRecognitionTest: RAN — %s in %d ms for %d ms of audio%n",
                    r, ms, pcm.duration().toMillis());
                assertThat(r)
                    .isInstanceOfSatisfying(
                        Recognition.Words.class,
                        w -> assertThat(w.text()).containsAnyOf("cinco", "ocho", "enero", "lugar"));
                assertThat(speech(recognizer).transcribe(NOTE))
                    .isInstanceOfAny(Transcription.Heard.class, Transcription.Unclear.class);
              }
            }));
  }

  private static VoskSpeechToText speech(VoskRecognizer recognizer) {
    return new VoskSpeechToText(
        note -> new AudioSource.Fetched.Audio(Fixtures.bytes("consulta.ogg")),
        new OggOpusDecoder(Duration.ofSeconds(120)),
        recognizer,
        0.6);
  }
}
