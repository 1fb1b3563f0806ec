package ar.booking.benchmarks;

import ar.booking.speech.AudioDecoder;
import ar.booking.speech.Decoding;
import ar.booking.speech.FfmpegDecoder;
import ar.booking.speech.OggOpusDecoder;
import ar.booking.speech.Recognition;
import ar.booking.speech.VoskRecognizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * decoder (Concentus) and with ffmpeg: the first call in this JVM, then (after three warm-up
 * decodes of the 60 s note) the median of {@code --runs}, in wall time and in this thread's CPU
 * time (for ffmpeg that is only the piping: the decoding runs in the child process); with {@code
 * VOSK_MODEL_PATH} set, also recognition time. Prints real-time factors (processing time / audio
 * length).
 *
 * <p>Options: {@code --fixtures DIR} (default adapters-speech/src/test/resources/fixtures), {@code
 * --runs N} (default 7), {@code --ffmpeg PATH} (default ffmpeg), {@code --warm-up N} (the app's
 * start-up warm-up of the pure-Java decoder first; default 0).
 */
public final class SpeechBenchmark {

  private SpeechBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path fixtures = Path.of("adapters-speech/src/test/resources/fixtures");
    int runs = 7;
    String ffmpeg = "ffmpeg";
    int warmUp = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--fixtures" -> fixtures = Path.of(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--ffmpeg" -> ffmpeg = args[i + 1];
        case "--warm-up" -> warmUp = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Duration max = Duration.ofSeconds(120);
    Map<String, AudioDecoder> decoders = new LinkedHashMap<>();
    OggOpusDecoder java = new OggOpusDecoder(max);
    if (warmUp > 0) {
      // What the app does at start with a model configured (Speech.WARM_UP_ROUNDS).
      long start = System.nanoTime();
      java.warmUp(warmUp);
      System.out.printf(
          "concentus warm-up: %d decodes of the 3 s clip in %.1f ms%n",
          warmUp, (System.nanoTime() - start) / 1e6);
    }
    decoders.put("concentus", java);
    decoders.put("ffmpeg", new FfmpegDecoder(ffmpeg, max, Duration.ofSeconds(60)));
    List<String> notes = List.of("speech-10s.ogg", "speech-60s.ogg");
    System.out.printf(
        "cpus=%d java=%s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    Map<String, Decoding.Pcm> decoded = new LinkedHashMap<>();
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    for (String note : notes) {
      bytes.put(note, Files.readAllBytes(fixtures.resolve(note)));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (Map.Entry<String, AudioDecoder> decoder : decoders.entrySet()) {
      // Cold: the first note this JVM decodes (the first voice note after a restart).
      long coldStart = System.nanoTime();
      decoder.getValue().decode(bytes.get(notes.get(0)));
      System.out.printf(
          "decode %-9s first call in this JVM (10 s note): %.1f ms%n",
          decoder.getKey(), (System.nanoTime() - coldStart) / 1e6);
      for (int w = 0; w < 3; w++) {
        decoder.getValue().decode(bytes.get(notes.get(notes.size() - 1)));
      }
      for (String note : notes) {
        List<Long> times = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        Decoding.Pcm pcm = null;
        for (int r = 0; r < runs; r++) {
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          Decoding d = decoder.getValue().decode(bytes.get(note));
          times.add(System.nanoTime() - start);
          cpu.add(threads.getCurrentThreadCpuTime() - cpuStart);
          if (!(d instanceof Decoding.Pcm p)) {
            throw new IllegalStateException(decoder.getKey() + " " + note + ": " + d);
          }
          pcm = p;
        }
        decoded.putIfAbsent(note, pcm);
        Collections.sort(cpu);
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        double audio = pcm.duration().toNanos();
        System.out.printf(
            "decode %-9s %-15s audio %5.1f s  wall median %7.1f ms (RTF %.4f)  min %7.1f ms"
                + "  JVM-thread CPU median %7.1f ms  runs %s%n",
            decoder.getKey(),
            note,
            audio / 1e9,
            median / 1e6,
            median / audio,
            sorted.get(0) / 1e6,
            cpu.get(cpu.size() / 2) / 1e6,
            times.stream().map(t -> String.format("%.0f", t / 1e6)).toList());
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
