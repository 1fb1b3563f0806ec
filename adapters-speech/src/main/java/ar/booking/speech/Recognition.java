package ar.booking.speech;

/** What the recogniser made of one note's PCM. */
public sealed interface Recognition {

  /** Words heard, with the mean of their confidences (0..1). */
  record Words(String text, double confidence) implements Recognition {}

  /** No words at all (silence, noise). */
  record Nothing() implements Recognition {}

  /** The recogniser cannot run: no model, still loading, native library missing. */
  record Unavailable(String reason) implements Recognition {}
}
