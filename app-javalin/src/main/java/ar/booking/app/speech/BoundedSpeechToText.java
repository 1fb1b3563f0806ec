package ar.booking.app.speech;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.SpeechToText;
import ar.booking.core.messaging.Transcription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs transcriptions on a small fixed pool with a short queue, so voice notes never take more than
 * {@code workers} cores from text messages: a full queue answers {@link Transcription.Unavailable}
 * {@code "busy"} at once, and a caller waits at most {@code timeout}. Records {@code
 * audio_transcriptions_total{outcome}}, {@code audio_transcription_seconds} (time in a worker) and
 * {@code audio_transcription_queue_length}.
 */
public final class BoundedSpeechToText implements SpeechToText, AutoCloseable {

  /** Outcome label values of {@code audio_transcriptions_total}. */
  public enum Outcome {
    HEARD,
    UNCLEAR,
    UNUSABLE,
    UNAVAILABLE,
    BUSY,
    TIMEOUT;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final SpeechToText delegate;
  private final ThreadPoolExecutor pool;
  private final Duration timeout;
  private final MeterRegistry registry;
  private final Timer processing;

  /**
   * @param queueCapacity notes that may wait for a worker
   * @param timeout how long a caller waits for its note (queueing included)
   */
  public BoundedSpeechToText(
      SpeechToText delegate,
      int workers,
      int queueCapacity,
      Duration timeout,
      MeterRegistry registry) {
    this.delegate = delegate;
    this.timeout = timeout;
    this.registry = registry;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            task -> {
              Thread t = new Thread(task, "speech-" + threads.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.processing =
        Timer.builder("audio.transcription")
            .description("Time a voice note spends in a worker: download, decode, recognise")
            .publishPercentileHistogram(false)
            .register(registry);
    Gauge.builder("audio.transcription.queue.length", pool, p -> p.getQueue().size())
        .description("Voice notes waiting for a worker")
        .register(registry);
    for (Outcome o : Outcome.values()) {
      counter(o);
    }
  }

  @Override
  public Transcription transcribe(InboundMessage.MediaRef note) {
    Future<Transcription> future;
    try {
      future = pool.submit(() -> processing.recordCallable(() -> delegate.transcribe(note)));
    } catch (RejectedExecutionException e) {
      counter(Outcome.BUSY).increment();
      return new Transcription.Unavailable("busy");
    }
    try {
      Transcription t = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      counter(outcome(t)).increment();
      return t;
    } catch (TimeoutException e) {
      future.cancel(true);
      counter(Outcome.TIMEOUT).increment();
      return new Transcription.Unavailable("timeout");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      counter(Outcome.UNAVAILABLE).increment();
      return new Transcription.Unavailable("interrupted");
    } catch (ExecutionException e) {
      counter(Outcome.UNAVAILABLE).increment();
      return new Transcription.Unavailable("error: " + e.getCause());
    }
  }

  /** Notes waiting for a worker now. */
  public int queueLength() {
    return pool.getQueue().size();
  }

  static Outcome outcome(Transcription t) {
    return switch (t) {
      case Transcription.Heard h -> Outcome.HEARD;
      case Transcription.Unclear u -> Outcome.UNCLEAR;
      case Transcription.Unusable u -> Outcome.UNUSABLE;
      case Transcription.Unavailable u -> Outcome.UNAVAILABLE;
    };
  }

  private Counter counter(Outcome outcome) {
    return Counter.builder("audio.transcriptions")
        .description("Voice notes transcribed, by outcome")
        .tag("outcome", outcome.label())
        .register(registry);
  }

  /** Stops the workers, waiting a few seconds for a note in the recogniser to finish. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
