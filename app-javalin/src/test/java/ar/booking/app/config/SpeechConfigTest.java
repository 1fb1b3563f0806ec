package ar.booking.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeechConfigTest {

  @Test
  void defaultsNeedNoModelAndUseTheBuiltInDecoderOnOneWorker() {
    SpeechConfig speech = Config.from(Map.of()).speech();
    assertThat(speech)
        .isEqualTo(
            new SpeechConfig(
                Optional.empty(), Optional.empty(), 5_242_880, Duration.ofSeconds(120), 0.6, 1));
  }

  @Test
  void everySettingIsRead() {
    SpeechConfig speech =
        Config.from(
                Map.of(
                    "VOSK_MODEL_PATH", "/opt/vosk/vosk-model-small-es-0.42",
                    "FFMPEG_PATH", "/usr/bin/ffmpeg",
                    "AUDIO_MAX_BYTES", "1000000",
                    "AUDIO_MAX_SECONDS", "60",
                    "AUDIO_MIN_CONFIDENCE", "0.75",
                    "AUDIO_WORKERS", "2"))
            .speech();
    assertThat(speech)
        .isEqualTo(
            new SpeechConfig(
                Optional.of(Path.of("/opt/vosk/vosk-model-small-es-0.42")),
                Optional.of("/usr/bin/ffmpeg"),
                1_000_000,
                Duration.ofSeconds(60),
                0.75,
                2));
  }

  @Test
  void badValuesAreListedTogether() {
    assertThatThrownBy(
            () ->
                Config.from(
                    Map.of(
                        "AUDIO_MIN_CONFIDENCE", "1.5",
                        "AUDIO_WORKERS", "0",
                        "AUDIO_MAX_SECONDS", "forever")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("AUDIO_MIN_CONFIDENCE is invalid: must be between 0 and 1")
        .hasMessageContaining("AUDIO_WORKERS is invalid: must be between 1 and 16")
        .hasMessageContaining("AUDIO_MAX_SECONDS is invalid: not a whole number: forever");
  }
}
