package ar.booking.app.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token a Prometheus scrape must carry. Compared in constant time over SHA-256 digests,
 * so neither the content nor the length of the real token leaks through timing.
 */
final class ScrapeToken {

  private static final String PREFIX = "Bearer ";

  private final byte[] expected;

  ScrapeToken(String token) {
    this.expected = digest(token);
  }

  /** Whether an {@code Authorization} header value (possibly null) carries the token. */
  boolean matches(String authorization) {
    String given =
        authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
            ? authorization.substring(PREFIX.length()).strip()
            : "";
    // Always compare, even with nothing given, so every refusal costs the same.
    return MessageDigest.isEqual(expected, digest(given)) && !given.isEmpty();
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
