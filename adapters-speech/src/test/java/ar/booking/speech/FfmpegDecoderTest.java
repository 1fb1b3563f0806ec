package ar.booking.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs {@code ffmpeg} on PATH (.ci/run installs it). */
class FfmpegDecoderTest extends DecoderContract {

  @Override
  AudioDecoder decoder(Duration maxDuration) {
    return new FfmpegDecoder("ffmpeg", maxDuration, Duration.ofSeconds(20));
  }

  @Test
  void agreesWithThePureJavaDecoder() {
    Decoding.Pcm ffmpeg = pcm(decode("speech-10s.ogg"));
    Decoding.Pcm concentus = pcm(new OggOpusDecoder(MAX).decode(Fixtures.bytes("speech-10s.ogg")));
    assertThat(ffmpeg.samples().length).isCloseTo(concentus.samples().length, within(200));
    assertThat(ffmpeg.rms()).isCloseTo(concentus.rms(), within(concentus.rms() * 0.1));
  }

  @Test
  void aMissingBinaryIsAFailureNotTheNotesFault() {
    Decoding decoding =
        new FfmpegDecoder("/nonexistent/ffmpeg", MAX, Duration.ofSeconds(5))
            .decode(Fixtures.bytes("consulta.ogg"));
    assertThat(decoding)
        .isInstanceOfSatisfying(
            Decoding.Failed.class, f -> assertThat(f.reason()).startsWith("ffmpeg cannot start"));
  }

  @Test
  void aHangingDecoderIsKilledAtTheTimeout(@TempDir Path dir) throws IOException {
    Path hanging = dir.resolve("ffmpeg");
    Files.writeString(hanging, "#!/bin/sh\nexec sleep 60\n");
    Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
    long start = System.nanoTime();
    Decoding decoding =
        new FfmpegDecoder(hanging.toString(), MAX, Duration.ofMillis(300))
            .decode(Fixtures.bytes("consulta.ogg"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(decoding).isEqualTo(new Decoding.Failed("ffmpeg timed out after 300 ms"));
    assertThat(ms).isLessThan(5_000);
  }
}
