package ar.booking.benchmarks;

import ar.booking.speech.AudioDecoder;
import ar.booking.speech.Decoding;
import ar.booking.speech.FfmpegDecoder;
import ar.booking.speech.OggOpusDecoder;
import ar.booking.speech.Recognition;
import ar.booking.speech.VoskRecognizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Voice notes (issue 14, ADR 0013): decode time of the 10 s and 60 s fixtures with the pure-Java
 * decoder (Concentus) and with ffmpeg, each in a fresh state (first call in this JVM) and warm
 * (median of {@code --runs}); with {@code VOSK_MODEL_PATH} set, also recognition time. Prints
 * real-time factors (processing time / audio length).
 *
 * <p>Options: {@code --fixtures DIR} (default adapters-speech/src/test/resources/fixtures), {@code
 * --runs N} (default 7), {@code --ffmpeg PATH} (default ffmpeg).
 */
public final class SpeechBenchmark {

  private SpeechBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path fixtures = Path.of("adapters-speech/src/test/resources/fixtures");
    int runs = 7;
    String ffmpeg = "ffmpeg";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--fixtures" -> fixtures = Path.of(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--ffmpeg" -> ffmpeg = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Duration max = Duration.ofSeconds(120);
    Map<String, AudioDecoder> decoders = new LinkedHashMap<>();
    decoders.put("concentus", new OggOpusDecoder(max));
    decoders.put("ffmpeg", new FfmpegDecoder(ffmpeg, max, Duration.ofSeconds(60)));
    List<String> notes = List.of("speech-10s.ogg", "speech-60s.ogg");
    System.out.printf(
        "cpus=%d java=%s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    Map<String, Decoding.Pcm> decoded = new LinkedHashMap<>();
    for (Map.Entry<String, AudioDecoder> decoder : decoders.entrySet()) {
      for (String note : notes) {
        byte[] bytes = Files.readAllBytes(fixtures.resolve(note));
        List<Long> times = new ArrayList<>();
        Decoding.Pcm pcm = null;
        for (int r = 0; r < runs + 1; r++) {
          long start = System.nanoTime();
          Decoding d = decoder.getValue().decode(bytes);
          times.add(System.nanoTime() - start);
          if (!(d instanceof Decoding.Pcm p)) {
            throw new IllegalStateException(decoder.getKey() + " " + note + ": " + d);
          }
          pcm = p;
        }
        decoded.putIfAbsent(note, pcm);
        long first = times.get(0);
        List<Long> warm = new ArrayList<>(times.subList(1, times.size()));
        Collections.sort(warm);
        long median = warm.get(warm.size() / 2);
        double audio = pcm.duration().toNanos();
        System.out.printf(
            "decode %-9s %-15s audio %5.1f s  first %7.1f ms (RTF %.4f)  warm median %7.1f ms"
                + " (RTF %.4f)  min %7.1f ms  runs %s%n",
            decoder.getKey(),
            note,
            audio / 1e9,
            first / 1e6,
            first / audio,
            median / 1e6,
            median / audio,
            warm.get(0) / 1e6,
            warm.stream().map(t -> String.format("%.0f", t / 1e6)).toList());
      }
    }
    String model = System.getenv("VOSK_MODEL_PATH");
    if (model == null || model.isBlank()) {
      System.out.println("recognition: NOT RUN (VOSK_MODEL_PATH unset)");
      return;
    }
    try (VoskRecognizer recognizer = VoskRecognizer.loadNow(Path.of(model))) {
      System.out.println("recognition model: " + recognizer.status());
      for (Map.Entry<String, Decoding.Pcm> note : decoded.entrySet()) {
        List<Long> times = new ArrayList<>();
        Recognition last = null;
        for (int r = 0; r < Math.max(3, runs / 2); r++) {
          long start = System.nanoTime();
          last = recognizer.recognise(note.getValue());
          times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        long median = times.get(times.size() / 2);
        System.out.printf(
            "recognise %-15s median %.1f ms (RTF %.3f) -> %s%n",
            note.getKey(),
            median / 1e6,
            median / (double) note.getValue().duration().toNanos(),
            last);
      }
    }
  }
}
