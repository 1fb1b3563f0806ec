package ar.booking.app.speech;

import ar.booking.app.config.SpeechConfig;
import ar.booking.app.health.HealthCheck;
import ar.booking.core.messaging.SpeechToText;
import ar.booking.speech.AudioDecoder;
import ar.booking.speech.AudioSource;
import ar.booking.speech.FfmpegDecoder;
import ar.booking.speech.OggOpusDecoder;
import ar.booking.speech.VoskRecognizer;
import ar.booking.speech.VoskSpeechToText;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Voice notes, wired: {@code Speech.fromConfig(config.speech(), new WhatsAppAudio(downloader),
 * metrics.registry())} starts loading the Vosk model in the background and returns at once. Hand
 * {@link #speechToText()} to the dialog, register {@link #health()} as the degrading check {@code
 * speech}, close it at shutdown.
 */
public final class Speech implements AutoCloseable {

  /** Notes that may wait for a worker, per worker. */
  static final int QUEUE_PER_WORKER = 8;

  /** Decodes of the 3 s warm-up clip at start (about 1 s of one core, once). */
  static final int WARM_UP_ROUNDS = 20;

  /** The longest a decoding ffmpeg may run. */
  static final Duration FFMPEG_TIMEOUT = Duration.ofSeconds(30);

  private final VoskRecognizer recognizer;
  private final BoundedSpeechToText speechToText;
  private final SpeechConfig config;

  private Speech(VoskRecognizer recognizer, BoundedSpeechToText speechToText, SpeechConfig config) {
    this.recognizer = recognizer;
    this.speechToText = speechToText;
    this.config = config;
  }

  public static Speech fromConfig(SpeechConfig config, AudioSource source, MeterRegistry registry) {
    VoskRecognizer recognizer = VoskRecognizer.start(config.voskModelPath());
    AudioDecoder decoder;
    if (config.ffmpegPath().isPresent()) {
      decoder = new FfmpegDecoder(config.ffmpegPath().get(), config.maxDuration(), FFMPEG_TIMEOUT);
    } else {
      OggOpusDecoder java = new OggOpusDecoder(config.maxDuration());
      if (config.voskModelPath().isPresent()) {
        // The first note would otherwise pay for the JIT (ADR 0013); nothing waits for this.
        Thread.ofPlatform()
            .daemon()
            .priority(Thread.MIN_PRIORITY)
            .name("speech-warm-up")
            .start(() -> java.warmUp(WARM_UP_ROUNDS));
      }
      decoder = java;
    }
    VoskSpeechToText pipeline =
        new VoskSpeechToText(source, decoder, recognizer, config.minConfidence());
    // A caller waits for its own note and the ones queued before it: recognition runs at a fraction
    // of real time, so the longest note's length plus a margin covers a short queue.
    Duration wait = config.maxDuration().plusSeconds(30);
    BoundedSpeechToText bounded =
        new BoundedSpeechToText(
            pipeline, config.workers(), config.workers() * QUEUE_PER_WORKER, wait, registry);
    return new Speech(recognizer, bounded, config);
  }

  public SpeechToText speechToText() {
    return speechToText;
  }

  /**
   * Health check {@code speech}: up while the model loads and once it is ready; down (degraded:
   * voice notes get a request to write) when it is missing or failed to load.
   */
  public HealthCheck health() {
    return () -> {
      VoskRecognizer.Status status = recognizer.status();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("state", status.state().name().toLowerCase(Locale.ROOT));
      details.put("detail", status.detail());
      details.put("decoder", config.ffmpegPath().isPresent() ? "ffmpeg" : "java");
      details.put("workers", config.workers());
      details.put("queue", speechToText.queueLength());
      return switch (status.state()) {
        case READY, LOADING -> HealthCheck.Result.up(details);
        case MISSING, FAILED -> HealthCheck.Result.down(details);
      };
    };
  }

  @Override
  public void close() {
    speechToText.close();
    recognizer.close();
  }
}
