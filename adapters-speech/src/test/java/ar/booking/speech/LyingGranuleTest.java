package ar.booking.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A note whose last page lies about its length (the granule position) is still bounded: the length
 * check happens before decoding, and the decoder stops at the limit whatever the header said.
 */
class LyingGranuleTest {

  @Test
  void aHugeGranuleIsTooLongWithoutOverflowing() {
    byte[] note = withLastGranule(Fixtures.bytes("speech-10s.ogg"), Long.MAX_VALUE / 2);
    for (AudioDecoder decoder :
        new AudioDecoder[] {
          new OggOpusDecoder(Duration.ofSeconds(120)),
          new FfmpegDecoder("ffmpeg", Duration.ofSeconds(120), Duration.ofSeconds(20))
        }) {
      assertThat(decoder.decode(note)).isInstanceOf(Decoding.TooLong.class);
    }
  }

  @Test
  void aNoteClaimingToBeShortStopsDecodingAtTheLimit() {
    // 60 s of packets claiming to last 1 s, with a 5 s limit.
    byte[] note = withLastGranule(Fixtures.bytes("speech-60s.ogg"), 312 + 48_000);
    assertThat(new OggOpusDecoder(Duration.ofSeconds(5)).decode(note))
        .isEqualTo(new Decoding.TooLong(Duration.ofSeconds(6), Duration.ofSeconds(5)));
  }

  /** A copy with the last page's granule position replaced and its checksum recomputed. */
  static byte[] withLastGranule(byte[] ogg, long granule) {
    byte[] copy = ogg.clone();
    int last = -1;
    for (int i = 0; i + 4 <= copy.length; i++) {
      if (copy[i] == 'O' && copy[i + 1] == 'g' && copy[i + 2] == 'g' && copy[i + 3] == 'S') {
        last = i;
      }
    }
    for (int b = 0; b < 8; b++) {
      copy[last + 6 + b] = (byte) (granule >>> (8 * b));
    }
    for (int b = 0; b < 4; b++) {
      copy[last + 22 + b] = 0;
    }
    int crc = 0;
    for (int i = last; i < copy.length; i++) {
      crc ^= (copy[i] & 0xff) << 24;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
      }
    }
    for (int b = 0; b < 4; b++) {
      copy[last + 22 + b] = (byte) (crc >>> (8 * b));
    }
    return copy;
  }
}
