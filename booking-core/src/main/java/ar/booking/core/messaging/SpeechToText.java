package ar.booking.core.messaging;

/**
 * Turns a guest's voice note into text. Implementations fetch the media, decode and recognise it,
 * bounded in time; they never throw for bad audio or a missing model — that is a {@link
 * Transcription} outcome. Thread-safe.
 */
public interface SpeechToText {

  Transcription transcribe(InboundMessage.MediaRef note);

  /** For when no recogniser is configured: every note gets a polite request to write. */
  static SpeechToText unavailable(String reason) {
    return note -> new Transcription.Unavailable(reason);
  }
}
