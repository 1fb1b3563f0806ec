package ar.booking.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OggOpusDecoderTest extends DecoderContract {

  @Override
  AudioDecoder decoder(Duration maxDuration) {
    return new OggOpusDecoder(maxDuration);
  }

  @Test
  void theWarmUpClipShippedInTheJarDecodes() {
    Decoding.Pcm pcm = pcm(new OggOpusDecoder(MAX).warmUp(2));
    assertThat(pcm.samples().length).isCloseTo(48_000, within(500));
    assertThat(pcm.rms()).isGreaterThan(500);
  }
}
