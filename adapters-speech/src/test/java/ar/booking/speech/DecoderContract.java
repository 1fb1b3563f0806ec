package ar.booking.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link AudioDecoder} must do with the fixtures; one subclass per decoder. */
abstract class DecoderContract {

  static final Duration MAX = Duration.ofSeconds(120);

  abstract AudioDecoder decoder(Duration maxDuration);

  Decoding decode(String fixture) {
    return decoder(MAX).decode(Fixtures.bytes(fixture));
  }

  static Decoding.Pcm pcm(Decoding decoding) {
    assertThat(decoding).isInstanceOf(Decoding.Pcm.class);
    return (Decoding.Pcm) decoding;
  }

  @Test
  void theGuestsQuestionDecodesTo16kHzMonoOfItsLength() {
    Decoding.Pcm pcm = pcm(decode("consulta.ogg"));
    // ffprobe: 5.287 s. At another sample rate the sample count would be 3x or 1/3 off.
    assertThat(pcm.samples().length / (double) Decoding.SAMPLE_RATE).isCloseTo(5.287, within(0.03));
    assertThat(pcm.rms()).isGreaterThan(500);
  }

  @Test
  void tenAndSixtySecondNotesHaveTheirLengths() {
    assertThat(pcm(decode("speech-10s.ogg")).samples().length).isCloseTo(160_000, within(500));
    assertThat(pcm(decode("speech-60s.ogg")).samples().length).isCloseTo(960_000, within(500));
  }

  @Test
  void silenceDecodesToNearZeroEnergyAndSpeechToMuchMore() {
    Decoding.Pcm silence = pcm(decode("silence-3s.ogg"));
    Decoding.Pcm speech = pcm(decode("speech-10s.ogg"));
    assertThat(silence.samples().length).isCloseTo(48_000, within(500));
    assertThat(silence.rms()).isLessThan(VoskSpeechToText.SILENCE_RMS);
    assertThat(speech.rms()).isGreaterThan(20 * Math.max(1, silence.rms()));
  }

  @Test
  void anEmptyFileIsUnusable() {
    assertThat(decode("empty.ogg")).isEqualTo(new Decoding.Unusable("empty"));
  }

  @Test
  void aWavIsNotOgg() {
    assertThat(decode("not-opus.wav")).isEqualTo(new Decoding.Unusable("not an Ogg file"));
  }

  @Test
  void anOggHoldingVorbisIsNotOpus() {
    assertThat(decode("vorbis.ogg"))
        .isEqualTo(new Decoding.Unusable("not Opus (the Ogg stream holds another codec)"));
  }

  @Test
  void aNoteCutInHalfIsTruncated() {
    assertThat(decode("truncated.ogg"))
        .isInstanceOfSatisfying(
            Decoding.Unusable.class, u -> assertThat(u.reason()).startsWith("truncated"));
  }

  @Test
  void garbageInsideTheNoteIsCorrupt() {
    assertThat(decode("corrupt.ogg"))
        .isInstanceOfSatisfying(
            Decoding.Unusable.class,
            u -> assertThat(u.reason()).startsWith("corrupt (page checksum mismatch"));
  }

  @Test
  void randomBytesAfterTheMagicAreUnusable() {
    byte[] junk = new byte[4_096];
    new java.util.Random(7).nextBytes(junk);
    junk[0] = 'O';
    junk[1] = 'g';
    junk[2] = 'g';
    junk[3] = 'S';
    assertThat(decoder(MAX).decode(junk)).isInstanceOf(Decoding.Unusable.class);
  }

  @Test
  void aNoteLongerThanTheLimitIsTooLongBeforeDecoding() {
    Decoding decoding = decoder(Duration.ofSeconds(5)).decode(Fixtures.bytes("speech-10s.ogg"));
    assertThat(decoding)
        .isInstanceOfSatisfying(
            Decoding.TooLong.class,
            t -> {
              assertThat(t.duration().toMillis()).isCloseTo(10_000, within(10L));
              assertThat(t.max()).isEqualTo(Duration.ofSeconds(5));
            });
  }
}
