package ar.booking.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk recognition. The {@link Model} (tens of MB, thread-safe) is loaded once, in the background,
 * from the configured directory; each note gets its own {@link Recognizer} with word confidences.
 * Until the model is ready, or when it is missing or the native library cannot load, every note is
 * {@link Recognition.Unavailable} and {@link #state()} says why; nothing throws.
 */
public final class VoskRecognizer implements PcmRecognizer, AutoCloseable {

  /** Where the model stands, for health. */
  public enum State {
    LOADING,
    READY,
    MISSING,
    FAILED
  }

  /** The state and, unless ready, why. */
  public record Status(State state, String detail) {}

  private static final Logger LOG = LoggerFactory.getLogger(VoskRecognizer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK_BYTES = 8_000; // 250 ms of 16 kHz 16-bit mono

  private final AtomicReference<Status> status;
  private final AtomicReference<Model> model = new AtomicReference<>();
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile boolean closed;

  private VoskRecognizer(Status initial) {
    this.status = new AtomicReference<>(initial);
    if (initial.state() != State.LOADING) {
      settled.countDown();
    }
  }

  /**
   * Starts loading the model at {@code modelDir} on a background thread and returns at once; with
   * no directory configured the recogniser is {@link State#MISSING} for good.
   */
  public static VoskRecognizer start(Optional<Path> modelDir) {
    if (modelDir.isEmpty()) {
      return new VoskRecognizer(new Status(State.MISSING, "VOSK_MODEL_PATH is not set"));
    }
    Path dir = modelDir.get();
    VoskRecognizer recognizer =
        new VoskRecognizer(new Status(State.LOADING, "loading the model from " + dir));
    Thread.ofPlatform().daemon().name("vosk-model-loader").start(() -> recognizer.load(dir));
    return recognizer;
  }

  /** Loads the model now, on this thread (tests, benchmarks). */
  public static VoskRecognizer loadNow(Path modelDir) {
    VoskRecognizer recognizer =
        new VoskRecognizer(new Status(State.LOADING, "loading the model from " + modelDir));
    recognizer.load(modelDir);
    return recognizer;
  }

  /** Empty when Vosk's native library loads on this machine, else why not. */
  public static Optional<String> nativeLibraryProblem() {
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS);
      return Optional.empty();
    } catch (LinkageError e) {
      return Optional.of("Vosk native library cannot load: " + e);
    }
  }

  private void load(Path dir) {
    try {
      loadModel(dir);
    } finally {
      settled.countDown();
    }
  }

  private void loadModel(Path dir) {
    if (!Files.isDirectory(dir)) {
      status.set(new Status(State.MISSING, "no model directory at " + dir));
      LOG.warn("speech: no Vosk model at {}; voice notes get a request to write", dir);
      return;
    }
    Optional<String> nativeProblem = nativeLibraryProblem();
    if (nativeProblem.isPresent()) {
      status.set(new Status(State.FAILED, nativeProblem.get()));
      LOG.warn("speech: {}", nativeProblem.get());
      return;
    }
    long start = System.nanoTime();
    try {
      Model loaded = new Model(dir.toString());
      if (closed) {
        loaded.close();
        return;
      }
      model.set(loaded);
      long ms = (System.nanoTime() - start) / 1_000_000;
      status.set(
          new Status(State.READY, "model " + dir.getFileName() + " loaded in " + ms + " ms"));
      LOG.info("speech: Vosk model {} loaded in {} ms", dir, ms);
    } catch (IOException | RuntimeException | LinkageError e) {
      status.set(
          new Status(State.FAILED, "model at " + dir + " failed to load: " + e.getMessage()));
      LOG.warn("speech: Vosk model {} failed to load", dir, e);
    }
  }

  /**
   * Waits until loading has ended (ready, missing or failed) or the timeout passes.
   *
   * @return whether loading has ended
   */
  public boolean awaitSettled(long timeout, TimeUnit unit) throws InterruptedException {
    return settled.await(timeout, unit);
  }

  @Override
  public Status status() {
    return status.get();
  }

  public State state() {
    return status.get().state();
  }

  /** Recognises one note; never throws. */
  @Override
  public Recognition recognise(Decoding.Pcm pcm) {
    Model current = model.get();
    if (current == null || closed) {
      Status s = status.get();
      return new Recognition.Unavailable(
          s.state().name().toLowerCase(Locale.ROOT) + ": " + s.detail());
    }
    byte[] bytes = pcm.littleEndianBytes();
    List<JsonNode> segments = new ArrayList<>();
    try (Recognizer recognizer = new Recognizer(current, Decoding.SAMPLE_RATE)) {
      recognizer.setWords(true);
      for (int offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
        int length = Math.min(CHUNK_BYTES, bytes.length - offset);
        byte[] chunk =
            offset == 0 && length == bytes.length
                ? bytes
                : Arrays.copyOfRange(bytes, offset, offset + length);
        if (recognizer.acceptWaveForm(chunk, length)) {
          segments.add(JSON.readTree(recognizer.getResult()));
        }
      }
      segments.add(JSON.readTree(recognizer.getFinalResult()));
    } catch (IOException | RuntimeException | LinkageError e) {
      return new Recognition.Unavailable("recogniser failed: " + e.getMessage());
    }
    return combine(segments);
  }

  /** Joins the segments' words; the confidence is the mean of every word's {@code conf}. */
  static Recognition combine(List<JsonNode> segments) {
    StringBuilder text = new StringBuilder();
    double sum = 0;
    int words = 0;
    for (JsonNode segment : segments) {
      for (JsonNode word : segment.path("result")) {
        String w = word.path("word").asText("");
        if (w.isBlank()) {
          continue;
        }
        if (!text.isEmpty()) {
          text.append(' ');
        }
        text.append(w);
        sum += word.path("conf").asDouble(0);
        words++;
      }
    }
    if (words == 0) {
      return new Recognition.Nothing();
    }
    return new Recognition.Words(text.toString(), sum / words);
  }

  @Override
  public void close() {
    closed = true;
    Model current = model.getAndSet(null);
    if (current != null) {
      current.close();
    }
  }
}
