package ar.booking.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Voice notes (issue 14, ADR 0013): where the Vosk model is, how notes are decoded, what is
 * accepted and how much of the machine recognition may use.
 *
 * @param voskModelPath the unpacked model directory (e.g. vosk-model-small-es-0.42); empty: every
 *     voice note gets a polite request to write, and health check {@code speech} is degraded
 * @param ffmpegPath decode with this ffmpeg binary; empty: the built-in pure-Java decoder
 * @param maxBytes the largest voice note downloaded
 * @param maxDuration the longest voice note decoded
 * @param minConfidence below this mean word confidence a note is "not understood"
 * @param workers notes recognised at once (each takes one core while it runs)
 */
public record SpeechConfig(
    Optional<Path> voskModelPath,
    Optional<String> ffmpegPath,
    long maxBytes,
    Duration maxDuration,
    double minConfidence,
    int workers) {

  static SpeechConfig read(ConfigReader r) {
    double minConfidence =
        r.get(
            Var.AUDIO_MIN_CONFIDENCE,
            v -> {
              double d;
              try {
                d = Double.parseDouble(v.strip());
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + v);
              }
              if (!(d >= 0 && d <= 1)) {
                throw new IllegalArgumentException("must be between 0 and 1");
              }
              return d;
            },
            Double.parseDouble(Var.AUDIO_MIN_CONFIDENCE.defaultValue()));
    return new SpeechConfig(
        r.optional(Var.VOSK_MODEL_PATH).map(Path::of),
        r.optional(Var.FFMPEG_PATH),
        r.integer(Var.AUDIO_MAX_BYTES, 1_024, 104_857_600),
        Duration.ofSeconds(r.integer(Var.AUDIO_MAX_SECONDS, 1, 3_600)),
        minConfidence,
        r.integer(Var.AUDIO_WORKERS, 1, 16));
  }
}
