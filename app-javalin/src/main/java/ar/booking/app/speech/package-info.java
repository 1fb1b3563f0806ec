/**
 * Voice notes in the composition root (issue 14): {@link ar.booking.app.speech.Speech} builds the
 * core's {@code SpeechToText} from {@code SpeechConfig}: the channel's media download ({@link
 * ar.booking.app.speech.WhatsAppAudio}), a decoder, the Vosk recogniser, a bounded pool, metrics
 * and the {@code speech} health check.
 */
package ar.booking.app.speech;
