package ar.booking.speech;

/**
 * Turns a voice note's bytes into 16 kHz mono PCM. Never throws for bad input and never runs
 * unbounded: every problem is a {@link Decoding} outcome. Thread-safe.
 */
@FunctionalInterface
public interface AudioDecoder {

  Decoding decode(byte[] audio);
}
