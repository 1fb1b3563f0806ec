package ar.booking.speech;

import ar.booking.core.messaging.InboundMessage;

/**
 * Where a note's bytes come from: the channel's media download, adapted by the app (adapters never
 * meet). Never throws: failures are {@link Fetched} outcomes.
 */
@FunctionalInterface
public interface AudioSource {

  Fetched fetch(InboundMessage.MediaRef note);

  /** The bytes of one note, or why there are none. */
  sealed interface Fetched {

    record Audio(byte[] bytes) implements Fetched {}

    /** The media itself is bad: too large, hash mismatch, gone for good. */
    record Unusable(String reason) implements Fetched {}

    /** The channel could not be reached now. */
    record Unavailable(String reason) implements Fetched {}
  }
}
