package ar.booking.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskRecognizerTest {

  private static final short[] TONE = new short[16_000];

  static {
    for (int i = 0; i < TONE.length; i++) {
      TONE[i] = (short) (8_000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
    }
  }

  @Test
  void theNativeLibraryLoadsOnThisMachine() {
    assertThat(VoskRecognizer.nativeLibraryProblem()).isEmpty();
  }

  @Test
  void aDirectoryThatIsNotAModelFailsInTheNativeLibraryWithoutCrashing(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("README"), "not a model");
    try (VoskRecognizer recognizer = VoskRecognizer.loadNow(dir)) {
      assertThat(recognizer.state()).isEqualTo(VoskRecognizer.State.FAILED);
      assertThat(recognizer.status().detail()).contains("failed to load");
      assertThat(recognizer.recognise(new Decoding.Pcm(TONE)))
          .isInstanceOfSatisfying(
              Recognition.Unavailable.class, u -> assertThat(u.reason()).startsWith("failed: "));
    }
  }

  @Test
  void noModelConfiguredIsMissingForGood() {
    try (VoskRecognizer recognizer = VoskRecognizer.start(Optional.empty())) {
      assertThat(recognizer.status())
          .isEqualTo(
              new VoskRecognizer.Status(
                  VoskRecognizer.State.MISSING, "VOSK_MODEL_PATH is not set"));
      assertThat(recognizer.recognise(new Decoding.Pcm(TONE)))
          .isEqualTo(new Recognition.Unavailable("missing: VOSK_MODEL_PATH is not set"));
    }
  }

  @Test
  void aModelPathThatDoesNotExistIsMissingOnceTheBackgroundLoadEnds(@TempDir Path dir)
      throws InterruptedException {
    Path nowhere = dir.resolve("vosk-model-small-es-0.42");
    try (VoskRecognizer recognizer = VoskRecognizer.start(Optional.of(nowhere))) {
      assertThat(recognizer.awaitSettled(10, TimeUnit.SECONDS)).isTrue();
      assertThat(recognizer.status())
          .isEqualTo(
              new VoskRecognizer.Status(
                  VoskRecognizer.State.MISSING, "no model directory at " + nowhere));
    }
  }

  @Test
  void theConfidenceIsTheMeanOverEveryWordOfEverySegment() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Recognition r =
        VoskRecognizer.combine(
            List.of(
                json.readTree(
                    """
                    {"result":[{"conf":1.0,"word":"hola"},{"conf":0.5,"word":"quería"}],
                     "text":"hola quería"}"""),
                json.readTree(
                    """
                    {"result":[{"conf":0.9,"word":"saber"}],"text":"saber"}"""),
                json.readTree("{\"text\":\"\"}")));
    assertThat(r)
        .isInstanceOfSatisfying(
            Recognition.Words.class,
            w -> {
              assertThat(w.text()).isEqualTo("hola quería saber");
              assertThat(w.confidence()).isCloseTo(0.8, within(1e-9));
            });
    assertThat(VoskRecognizer.combine(List.of(json.readTree("{\"text\":\"\"}"))))
        .isEqualTo(new Recognition.Nothing());
  }

  @Test
  void pcmDurationFollowsTheSampleRate() {
    assertThat(new Decoding.Pcm(TONE).duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(new Decoding.Pcm(new short[] {0x1234}).littleEndianBytes())
        .containsExactly(0x34, 0x12);
  }
}
