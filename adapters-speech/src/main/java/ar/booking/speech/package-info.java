/**
 * Voice notes to text (issue 14, ADR 0013): {@link ar.booking.speech.OggOpusDecoder} (pure Java,
 * Concentus) or {@link ar.booking.speech.FfmpegDecoder} turn a WhatsApp OGG/Opus note into 16 kHz
 * mono 16-bit PCM, {@link ar.booking.speech.VoskRecognizer} recognises it with a Vosk model loaded
 * once in the background, and {@link ar.booking.speech.VoskSpeechToText} composes an {@link
 * ar.booking.speech.AudioSource} (the channel's media download, wired by the app), a decoder and
 * the recogniser into the core's {@code SpeechToText}.
 */
package ar.booking.speech;
