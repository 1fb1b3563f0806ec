package ar.booking.speech;

/** Recognises 16 kHz mono PCM ({@link VoskRecognizer} in production). Thread-safe, never throws. */
public interface PcmRecognizer {

  VoskRecognizer.Status status();

  Recognition recognise(Decoding.Pcm pcm);
}
