package ar.booking.messaging.whatsapp.media;

/** What became of downloading one media id. */
public sealed interface MediaDownload {

  /** The bytes, their MIME type as Meta reported it, and their SHA-256 (lowercase hex). */
  record Downloaded(byte[] bytes, String mimeType, String sha256) implements MediaDownload {}

  /** Larger than accepted ({@code size} is what was announced or read before stopping). */
  record TooLarge(long size, long max) implements MediaDownload {}

  /** The bytes do not match the SHA-256 Meta announced (hex or base64, as given). */
  record HashMismatch(String expected, String actual) implements MediaDownload {}

  /** The media id is unknown or expired, or its URL stayed gone after one re-resolve. */
  record NotFound(String reason) implements MediaDownload {}

  /** Meta could not be reached or refused us (network, timeout, 401/403, 5xx): try again later. */
  record Failed(String reason) implements MediaDownload {}
}
