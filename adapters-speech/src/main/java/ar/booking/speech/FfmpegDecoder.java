package ar.booking.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decoding with an {@code ffmpeg} subprocess (ADR 0013): no shell, the note on stdin, PCM on
 * stdout, a hard timeout after which the process is killed. The note is checked as OGG/Opus (pages,
 * checksums, length) in Java first, so ffmpeg only ever sees a well-formed Opus stream of bounded
 * length.
 */
public final class FfmpegDecoder implements AudioDecoder {

  private final String ffmpeg;
  private final Duration maxDuration;
  private final Duration timeout;

  public FfmpegDecoder(String ffmpeg, Duration maxDuration, Duration timeout) {
    this.ffmpeg = ffmpeg;
    this.maxDuration = maxDuration;
    this.timeout = timeout;
  }

  @Override
  public Decoding decode(byte[] audio) {
    OggOpus.Stream stream;
    try {
      stream = OggOpus.parse(audio);
    } catch (OggOpus.Malformed e) {
      return new Decoding.Unusable(e.getMessage());
    }
    Duration length = stream.duration();
    if (length.compareTo(maxDuration) > 0) {
      return new Decoding.TooLong(length, maxDuration);
    }
    long maxBytes = (maxDuration.toMillis() + 1_000) * Decoding.SAMPLE_RATE / 1000 * 2;
    List<String> command =
        List.of(
            ffmpeg,
            "-hide_banner",
            "-loglevel",
            "error",
            "-xerror",
            "-f",
            "ogg",
            "-i",
            "pipe:0",
            "-vn",
            "-ac",
            "1",
            "-ar",
            String.valueOf(Decoding.SAMPLE_RATE),
            "-f",
            "s16le",
            "pipe:1");
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      return new Decoding.Failed("ffmpeg cannot start (" + ffmpeg + "): " + e.getMessage());
    }
    try {
      CompletableFuture<Void> feed =
          CompletableFuture.runAsync(
              () -> {
                try (OutputStream in = process.getOutputStream()) {
                  in.write(audio);
                } catch (IOException ignored) {
                  // ffmpeg stopped reading: its exit code and stderr say why.
                }
              },
              Thread::startVirtualThread);
      CompletableFuture<byte[]> pcm =
          CompletableFuture.supplyAsync(
              () -> {
                byte[] read = readCapped(process.getInputStream(), maxBytes, true);
                if (read == null) {
                  process.destroyForcibly();
                }
                return read;
              },
              Thread::startVirtualThread);
      CompletableFuture<byte[]> errors =
          CompletableFuture.supplyAsync(
              () -> readCapped(process.getErrorStream(), 4_096, false), Thread::startVirtualThread);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return new Decoding.Failed("ffmpeg timed out after " + timeout.toMillis() + " ms");
      }
      feed.get(1, TimeUnit.SECONDS);
      byte[] bytes = pcm.get(1, TimeUnit.SECONDS);
      String stderr = new String(errors.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
      if (bytes == null) {
        return new Decoding.TooLong(maxDuration.plusSeconds(1), maxDuration);
      }
      if (process.exitValue() != 0) {
        return new Decoding.Unusable(
            "corrupt (ffmpeg exit " + process.exitValue() + ": " + firstLine(stderr) + ")");
      }
      short[] samples = new short[bytes.length / 2];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
      if (samples.length == 0) {
        return new Decoding.Unusable("truncated (no audio)");
      }
      return new Decoding.Pcm(samples);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Decoding.Failed("interrupted");
    } catch (ExecutionException | TimeoutException e) {
      return new Decoding.Failed("ffmpeg output unreadable: " + e);
    } finally {
      process.destroyForcibly();
    }
  }

  /**
   * All bytes; past {@code max}, null when {@code overflowIsNull}, else the first {@code max} bytes
   * (the rest drained).
   */
  private static byte[] readCapped(InputStream in, long max, boolean overflowIsNull) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16_384];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > max) {
          if (overflowIsNull) {
            return null;
          }
          continue;
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // The process was killed: what was read so far is all there is.
    }
    return out.toByteArray();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
