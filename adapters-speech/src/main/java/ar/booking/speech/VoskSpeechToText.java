package ar.booking.speech;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.SpeechToText;
import ar.booking.core.messaging.Transcription;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetch, decode, recognise: the core's {@link SpeechToText} on Vosk. A note is only fetched when
 * the recogniser is ready; silence is not sent to the recogniser; a mean word confidence below
 * {@code minConfidence} is {@link Transcription.Unclear}. Never throws.
 */
public final class VoskSpeechToText implements SpeechToText {

  /** Below this RMS level (about -56 dBFS) a note is silence: nothing to recognise. */
  static final double SILENCE_RMS = 50;

  private static final Logger LOG = LoggerFactory.getLogger(VoskSpeechToText.class);

  private final AudioSource source;
  private final AudioDecoder decoder;
  private final PcmRecognizer recognizer;
  private final double minConfidence;

  public VoskSpeechToText(
      AudioSource source, AudioDecoder decoder, PcmRecognizer recognizer, double minConfidence) {
    this.source = source;
    this.decoder = decoder;
    this.recognizer = recognizer;
    this.minConfidence = minConfidence;
  }

  @Override
  public Transcription transcribe(InboundMessage.MediaRef note) {
    try {
      return run(note);
    } catch (RuntimeException e) {
      LOG.warn("speech: transcription failed", e);
      return new Transcription.Unavailable("error: " + e.getClass().getSimpleName());
    }
  }

  private Transcription run(InboundMessage.MediaRef note) {
    if (note == null || note.id() == null || note.id().isBlank()) {
      return new Transcription.Unusable("no media id");
    }
    VoskRecognizer.Status status = recognizer.status();
    if (status.state() != VoskRecognizer.State.READY) {
      return new Transcription.Unavailable(
          "recogniser " + status.state().name().toLowerCase(Locale.ROOT));
    }
    byte[] bytes;
    switch (source.fetch(note)) {
      case AudioSource.Fetched.Audio audio -> bytes = audio.bytes();
      case AudioSource.Fetched.Unusable u -> {
        return new Transcription.Unusable(u.reason());
      }
      case AudioSource.Fetched.Unavailable u -> {
        return new Transcription.Unavailable(u.reason());
      }
    }
    Decoding.Pcm pcm;
    switch (decoder.decode(bytes)) {
      case Decoding.Pcm p -> pcm = p;
      case Decoding.Unusable u -> {
        return new Transcription.Unusable(u.reason());
      }
      case Decoding.TooLong t -> {
        return new Transcription.Unusable(
            "too long (" + t.duration().toSeconds() + " s, at most " + t.max().toSeconds() + " s)");
      }
      case Decoding.Failed f -> {
        return new Transcription.Unavailable(f.reason());
      }
    }
    if (pcm.rms() < SILENCE_RMS) {
      return new Transcription.Unclear(0);
    }
    return switch (recognizer.recognise(pcm)) {
      case Recognition.Words w when w.confidence() >= minConfidence ->
          new Transcription.Heard(w.text(), w.confidence());
      case Recognition.Words w -> new Transcription.Unclear(w.confidence());
      case Recognition.Nothing n -> new Transcription.Unclear(0);
      case Recognition.Unavailable u -> new Transcription.Unavailable(u.reason());
    };
  }
}
