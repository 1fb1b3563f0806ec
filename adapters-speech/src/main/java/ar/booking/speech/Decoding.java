package ar.booking.speech;

import java.time.Duration;

/** What became of decoding one note: PCM for the recogniser, or why not. */
public sealed interface Decoding {

  /** The sample rate of every {@link Pcm}: what Vosk's small models expect. */
  int SAMPLE_RATE = 16_000;

  /** 16 kHz mono signed 16-bit samples. */
  record Pcm(short[] samples) implements Decoding {

    public Duration duration() {
      return Duration.ofNanos(samples.length * 1_000_000_000L / SAMPLE_RATE);
    }

    /** Little-endian bytes, as Vosk's {@code acceptWaveForm(byte[], int)} takes them. */
    public byte[] littleEndianBytes() {
      byte[] bytes = new byte[samples.length * 2];
      for (int i = 0; i < samples.length; i++) {
        bytes[2 * i] = (byte) samples[i];
        bytes[2 * i + 1] = (byte) (samples[i] >> 8);
      }
      return bytes;
    }

    /** Root mean square level, 0 (silence) to 32767 (full scale square wave). */
    public double rms() {
      if (samples.length == 0) {
        return 0;
      }
      double sum = 0;
      for (short s : samples) {
        sum += (double) s * s;
      }
      return Math.sqrt(sum / samples.length);
    }
  }

  /** The bytes are not a usable voice note: empty, corrupt, truncated, not Ogg/Opus. */
  record Unusable(String reason) implements Decoding {}

  /** A valid note, longer than accepted. */
  record TooLong(Duration duration, Duration max) implements Decoding {}

  /** The decoder itself could not run (ffmpeg missing, timed out): not the note's fault. */
  record Failed(String reason) implements Decoding {}
}
