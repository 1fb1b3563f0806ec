package ar.booking.speech;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Pure-Java OGG/Opus decoding with Concentus (ADR 0013). Concentus 1.0.2 returns silence for
 * hybrid-mode packets when asked for 16 kHz output, so the note is decoded at Opus's native 48 kHz
 * and decimated by {@link Decimator}. The length is read from the last page's granule position and
 * checked before any decoding; the work is bounded by the input's size.
 */
public final class OggOpusDecoder implements AudioDecoder {

  private static final int RATE = 48_000;
  private static final int MAX_FRAME = 5_760; // 120 ms at 48 kHz, the longest Opus packet

  private final Duration maxDuration;

  public OggOpusDecoder(Duration maxDuration) {
    this.maxDuration = maxDuration;
  }

  /**
   * Decodes a 3-second clip shipped in this jar {@code rounds} times, so that the JIT has compiled
   * the decoder before the first guest's note (cold, a 10 s note takes several times longer; ADR
   * 0013). Call it on a background thread at start.
   *
   * @return the clip's last decoding (a {@link Decoding.Pcm} when all is well)
   */
  public Decoding warmUp(int rounds) {
    byte[] clip;
    try (InputStream in = OggOpusDecoder.class.getResourceAsStream("warm-up.ogg")) {
      clip = in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      return new Decoding.Failed("warm-up clip unreadable: " + e.getMessage());
    }
    Decoding last = new Decoding.Unusable("no rounds");
    for (int i = 0; i < rounds; i++) {
      last = decode(clip);
    }
    return last;
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
    long expected = stream.samples48k();
    int skip = stream.preSkip();
    long cap = maxDuration.toMillis() * RATE / 1000 + skip + MAX_FRAME;
    try {
      OpusDecoder decoder = new OpusDecoder(RATE, 1);
      short[] out = new short[(int) Math.min(cap, expected + skip + MAX_FRAME)];
      short[] frame = new short[MAX_FRAME];
      int written = 0;
      for (byte[] packet : stream.packets()) {
        int n = decoder.decode(packet, 0, packet.length, frame, 0, MAX_FRAME, false);
        if (written + n > out.length) {
          if (written + n > cap) {
            // The granule position lied about the length: stop rather than decode on.
            return new Decoding.TooLong(maxDuration.plusSeconds(1), maxDuration);
          }
          out = Arrays.copyOf(out, (int) Math.min(cap, Math.max(out.length * 2L, written + n)));
        }
        System.arraycopy(frame, 0, out, written, n);
        written += n;
      }
      int end = (int) Math.min(written, skip + expected);
      if (end - skip < Decimator.FACTOR) {
        return new Decoding.Unusable("truncated (no audio)");
      }
      return new Decoding.Pcm(Decimator.decimate(out, skip, end));
    } catch (OpusException | RuntimeException e) {
      return new Decoding.Unusable("corrupt (Opus: " + e.getMessage() + ")");
    }
  }
}
