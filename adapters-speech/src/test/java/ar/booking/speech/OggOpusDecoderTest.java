package ar.booking.speech;

import java.time.Duration;

class OggOpusDecoderTest extends DecoderContract {

  @Override
  AudioDecoder decoder(Duration maxDuration) {
    return new OggOpusDecoder(maxDuration);
  }
}
