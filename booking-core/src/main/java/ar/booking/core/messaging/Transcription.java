package ar.booking.core.messaging;

/** What became of a voice note. */
public sealed interface Transcription {

  /** Understood well enough: the text and the recogniser's mean word confidence (0..1). */
  record Heard(String text, double confidence) implements Transcription {}

  /** Speech, but not understood with enough confidence (or silence). */
  record Unclear(double confidence) implements Transcription {}

  /** The audio itself cannot be used: corrupt, empty, not audio, too long or too large. */
  record Unusable(String reason) implements Transcription {}

  /** Recognition cannot run now (no model, native library missing, overloaded). */
  record Unavailable(String reason) implements Transcription {}
}
