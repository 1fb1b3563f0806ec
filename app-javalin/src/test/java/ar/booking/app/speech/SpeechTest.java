package ar.booking.app.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.config.SpeechConfig;
import ar.booking.app.health.HealthCheck;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.Transcription;
import ar.booking.messaging.whatsapp.media.WhatsAppMediaDownloader;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring as the composition root uses it, with the real WhatsApp media download against a local
 * stand-in of the Graph API. No Vosk model exists on this machine, so notes are Unavailable.
 */
class SpeechTest {

  private static final InboundMessage.MediaRef NOTE =
      new InboundMessage.MediaRef("media-1", "audio/ogg; codecs=opus", null, true);

  private static SpeechConfig config(Optional<Path> model) {
    return new SpeechConfig(model, Optional.empty(), 5_242_880, Duration.ofSeconds(120), 0.6, 1);
  }

  @Test
  void withoutAModelEveryNoteIsUnavailableNothingIsDownloadedAndHealthIsDegraded()
      throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer graph = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    graph.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    graph.start();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Speech speech =
        Speech.fromConfig(
            config(Optional.empty()),
            new WhatsAppAudio(
                new WhatsAppMediaDownloader(
                    HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + graph.getAddress().getPort() + "/v21.0"),
                    "token",
                    5_242_880,
                    Duration.ofSeconds(5))),
            registry)) {
      assertThat(speech.speechToText().transcribe(NOTE))
          .isEqualTo(new Transcription.Unavailable("recogniser missing"));
      HealthCheck.Result health = speech.health().check();
      assertThat(health.up()).isFalse();
      assertThat(health.details())
          .containsEntry("state", "missing")
          .containsEntry("detail", "VOSK_MODEL_PATH is not set")
          .containsEntry("decoder", "java")
          .containsEntry("queue", 0);
    } finally {
      graph.stop(0);
    }
    assertThat(requests).hasValue(0);
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("audio_transcriptions_total{outcome=\"unavailable\"} 1.0")
        .contains("audio_transcriptions_total{outcome=\"busy\"} 0.0")
        .contains("audio_transcription_seconds_count 1")
        .contains("audio_transcription_queue_length 0.0");
  }

  @Test
  void aModelDirectoryThatIsNotThereIsReportedOnceLoadingEnds(@TempDir Path dir) {
    Path model = dir.resolve("vosk-model-small-es-0.42");
    try (Speech speech =
        Speech.fromConfig(
            config(Optional.of(model)),
            note -> {
              throw new AssertionError("not fetched without a model");
            },
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      HealthCheck.Result health = speech.health().check();
      // Loading is "up" (a start is not a fault); a missing directory is found at once.
      assertThat(health.details().get("state")).isIn("loading", "missing");
      assertThat(speech.speechToText().transcribe(NOTE))
          .isInstanceOf(Transcription.Unavailable.class);
    }
  }

  @Test
  void whatsAppMediaOutcomesBecomeAudioOutcomes() throws IOException {
    HttpServer graph = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String origin = "http://127.0.0.1:" + graph.getAddress().getPort();
    byte[] bytes = "OggS...".getBytes(StandardCharsets.UTF_8);
    graph.createContext(
        "/v21.0/",
        exchange -> {
          boolean known = exchange.getRequestURI().getPath().endsWith("/media-1");
          byte[] body =
              ("{\"url\":\"" + origin + "/files/media-1\",\"mime_type\":\"audio/ogg\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
          if (known) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    graph.createContext(
        "/files/",
        exchange -> {
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    graph.start();
    try {
      WhatsAppAudio audio =
          new WhatsAppAudio(
              new WhatsAppMediaDownloader(
                  HttpClient.newHttpClient(),
                  URI.create(origin + "/v21.0"),
                  "token",
                  1_000,
                  Duration.ofSeconds(5)));
      assertThat(audio.fetch(NOTE))
          .isInstanceOfSatisfying(
              ar.booking.speech.AudioSource.Fetched.Audio.class,
              a -> assertThat(a.bytes()).isEqualTo(bytes));
      assertThat(audio.fetch(new InboundMessage.MediaRef("other", "audio/ogg", null, true)))
          .isEqualTo(
              new ar.booking.speech.AudioSource.Fetched.Unusable(
                  "media gone: media id unknown or expired (404)"));
    } finally {
      graph.stop(0);
    }
  }
}
