package ar.booking.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.Transcription;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pipeline with the real decoder, real fixtures and a recogniser stand-in. */
class VoskSpeechToTextTest {

  private static final InboundMessage.MediaRef NOTE =
      new InboundMessage.MediaRef("media-1", "audio/ogg; codecs=opus", null, true);

  /** Answers what it is told, counting calls. */
  private static final class FakeRecognizer implements PcmRecognizer {
    final AtomicInteger calls = new AtomicInteger();
    final VoskRecognizer.Status status;
    final Recognition answer;

    FakeRecognizer(VoskRecognizer.State state, Recognition answer) {
      this.status = new VoskRecognizer.Status(state, "fake");
      this.answer = answer;
    }

    @Override
    public VoskRecognizer.Status status() {
      return status;
    }

    @Override
    public Recognition recognise(Decoding.Pcm pcm) {
      calls.incrementAndGet();
      return answer;
    }
  }

  private static FakeRecognizer ready(Recognition answer) {
    return new FakeRecognizer(VoskRecognizer.State.READY, answer);
  }

  private static Transcription transcribe(String fixture, PcmRecognizer recognizer) {
    return new VoskSpeechToText(
            note -> new AudioSource.Fetched.Audio(Fixtures.bytes(fixture)),
            new OggOpusDecoder(Duration.ofSeconds(120)),
            recognizer,
            0.6)
        .transcribe(NOTE);
  }

  @Test
  void confidentWordsAreHeard() {
    String text = "hola quería saber si tienen lugar del cinco al ocho de enero para dos";
    assertThat(transcribe("consulta.ogg", ready(new Recognition.Words(text, 0.83))))
        .isEqualTo(new Transcription.Heard(text, 0.83));
  }

  @Test
  void wordsBelowTheMinimumConfidenceAreUnclear() {
    assertThat(transcribe("consulta.ogg", ready(new Recognition.Words("ola ke", 0.41))))
        .isEqualTo(new Transcription.Unclear(0.41));
  }

  @Test
  void silenceIsUnclearWithoutBotheringTheRecogniser() {
    FakeRecognizer recognizer = ready(new Recognition.Words("fantasma", 0.99));
    assertThat(transcribe("silence-3s.ogg", recognizer)).isEqualTo(new Transcription.Unclear(0));
    assertThat(recognizer.calls).hasValue(0);
  }

  @Test
  void noWordsAreUnclear() {
    assertThat(transcribe("consulta.ogg", ready(new Recognition.Nothing())))
        .isEqualTo(new Transcription.Unclear(0));
  }

  @Test
  void badAudioIsUnusable() {
    FakeRecognizer recognizer = ready(new Recognition.Nothing());
    assertThat(transcribe("empty.ogg", recognizer)).isEqualTo(new Transcription.Unusable("empty"));
    assertThat(transcribe("vorbis.ogg", recognizer))
        .isEqualTo(new Transcription.Unusable("not Opus (the Ogg stream holds another codec)"));
    assertThat(transcribe("corrupt.ogg", recognizer)).isInstanceOf(Transcription.Unusable.class);
    assertThat(recognizer.calls).hasValue(0);
  }

  @Test
  void aNoteOverTheLimitIsUnusableAndSaysSo() {
    Transcription t =
        new VoskSpeechToText(
                note -> new AudioSource.Fetched.Audio(Fixtures.bytes("speech-10s.ogg")),
                new OggOpusDecoder(Duration.ofSeconds(5)),
                ready(new Recognition.Nothing()),
                0.6)
            .transcribe(NOTE);
    assertThat(t).isEqualTo(new Transcription.Unusable("too long (10 s, at most 5 s)"));
  }

  @Test
  void aRecogniserNotReadyMeansUnavailableAndTheNoteIsNotEvenFetched() {
    AtomicInteger fetches = new AtomicInteger();
    Transcription t =
        new VoskSpeechToText(
                note -> {
                  fetches.incrementAndGet();
                  return new AudioSource.Fetched.Audio(Fixtures.bytes("consulta.ogg"));
                },
                new OggOpusDecoder(Duration.ofSeconds(120)),
                new FakeRecognizer(VoskRecognizer.State.LOADING, new Recognition.Nothing()),
                0.6)
            .transcribe(NOTE);
    assertThat(t).isEqualTo(new Transcription.Unavailable("recogniser loading"));
    assertThat(fetches).hasValue(0);
  }

  @Test
  void fetchOutcomesPassThrough() {
    FakeRecognizer recognizer = ready(new Recognition.Nothing());
    AudioDecoder decoder = new OggOpusDecoder(Duration.ofSeconds(120));
    assertThat(
            new VoskSpeechToText(
                    n -> new AudioSource.Fetched.Unusable("too large"), decoder, recognizer, 0.6)
                .transcribe(NOTE))
        .isEqualTo(new Transcription.Unusable("too large"));
    assertThat(
            new VoskSpeechToText(
                    n -> new AudioSource.Fetched.Unavailable("media server down"),
                    decoder,
                    recognizer,
                    0.6)
                .transcribe(NOTE))
        .isEqualTo(new Transcription.Unavailable("media server down"));
  }

  @Test
  void aFailingPartIsUnavailableNeverAnException() {
    Transcription t =
        new VoskSpeechToText(
                n -> {
                  throw new IllegalStateException("boom");
                },
                new OggOpusDecoder(Duration.ofSeconds(120)),
                ready(new Recognition.Nothing()),
                0.6)
            .transcribe(NOTE);
    assertThat(t).isEqualTo(new Transcription.Unavailable("error: IllegalStateException"));
    assertThat(
            new VoskSpeechToText(
                    n -> new AudioSource.Fetched.Audio(new byte[0]),
                    new OggOpusDecoder(Duration.ofSeconds(1)),
                    ready(new Recognition.Nothing()),
                    0.6)
                .transcribe(null))
        .isEqualTo(new Transcription.Unusable("no media id"));
  }
}
