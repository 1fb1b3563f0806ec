package ar.booking.app.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.SpeechToText;
import ar.booking.core.messaging.Transcription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedSpeechToTextTest {

  private static final InboundMessage.MediaRef NOTE =
      new InboundMessage.MediaRef("m1", "audio/ogg; codecs=opus", null, true);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double count(String outcome) {
    return registry.get("audio.transcriptions").tag("outcome", outcome).counter().count();
  }

  @Test
  void outcomesAreCountedAndTimed() {
    try (BoundedSpeechToText speech =
        new BoundedSpeechToText(
            note -> new Transcription.Heard("hola", 0.9), 1, 2, Duration.ofSeconds(5), registry)) {
      assertThat(speech.transcribe(NOTE)).isEqualTo(new Transcription.Heard("hola", 0.9));
    }
    assertThat(count("heard")).isEqualTo(1);
    assertThat(count("busy")).isZero();
    assertThat(registry.get("audio.transcription").timer().count()).isEqualTo(1);
  }

  @Test
  void aFullQueueAnswersBusyAtOnceSoVoiceNeverPilesUp() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SpeechToText slow =
        note -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new Transcription.Unclear(0.2);
        };
    try (BoundedSpeechToText speech =
        new BoundedSpeechToText(slow, 1, 1, Duration.ofSeconds(10), registry)) {
      CompletableFuture<Transcription> first =
          CompletableFuture.supplyAsync(() -> speech.transcribe(NOTE), Thread::startVirtualThread);
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Transcription> queued =
          CompletableFuture.supplyAsync(() -> speech.transcribe(NOTE), Thread::startVirtualThread);
      // The second note is in the queue once the gauge says so.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (speech.queueLength() < 1 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(registry.get("audio.transcription.queue.length").gauge().value()).isEqualTo(1);
      assertThat(speech.transcribe(NOTE)).isEqualTo(new Transcription.Unavailable("busy"));
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new Transcription.Unclear(0.2));
      assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(new Transcription.Unclear(0.2));
    }
    assertThat(count("busy")).isEqualTo(1);
    assertThat(count("unclear")).isEqualTo(2);
  }

  @Test
  void aCallerWaitsAtMostTheTimeout() {
    CountDownLatch never = new CountDownLatch(1);
    SpeechToText stuck =
        note -> {
          try {
            never.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new Transcription.Heard("tarde", 1);
        };
    long start = System.nanoTime();
    try (BoundedSpeechToText speech =
        new BoundedSpeechToText(stuck, 1, 1, Duration.ofMillis(200), registry)) {
      assertThat(speech.transcribe(NOTE)).isEqualTo(new Transcription.Unavailable("timeout"));
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    assertThat(count("timeout")).isEqualTo(1);
  }

  @Test
  void everyTranscriptionHasItsOutcomeLabel() {
    assertThat(BoundedSpeechToText.outcome(new Transcription.Unusable("empty")))
        .isEqualTo(BoundedSpeechToText.Outcome.UNUSABLE);
    assertThat(BoundedSpeechToText.outcome(new Transcription.Unavailable("missing")))
        .isEqualTo(BoundedSpeechToText.Outcome.UNAVAILABLE);
  }
}
