package ar.booking.payments.mercadopago;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mercado Pago's webhook signature: {@code x-signature: ts=<ts>,v1=<hex>} where {@code v1} is the
 * HMAC-SHA256 of the manifest {@code id:<data.id>;request-id:<x-request-id>;ts:<ts>;} under the
 * webhook secret; a pair whose value is missing is left out. A {@code data.id} matches in its own
 * casing or in lower case; {@code ts} may be seconds or milliseconds. Thread-safe.
 */
public final class WebhookSignature {

  /** Whether the notification is signed with our secret. */
  public sealed interface Verdict permits Valid, Invalid {}

  public record Valid() implements Verdict {}

  public record Invalid(String reason) implements Verdict {}

  private static final long MILLIS_THRESHOLD = 100_000_000_000L; // seconds reach it in year 5138

  private final byte[] secret;
  private final Optional<Duration> maxAge;

  /**
   * @param maxAge how old (or how far ahead) a signature's ts may be; empty: any age
   */
  public WebhookSignature(String secret, Optional<Duration> maxAge) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("the webhook secret is empty");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
  }

  /**
   * @param header the {@code x-signature} header, or null
   * @param requestId the {@code x-request-id} header, or null
   * @param dataId {@code data.id} from the query string, or null
   */
  public Verdict verify(String header, String requestId, String dataId, Instant now) {
    if (header == null || header.isBlank()) {
      return new Invalid("no x-signature");
    }
    String ts = null;
    String v1 = null;
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip();
      if (key.equals("ts")) {
        ts = value;
      } else if (key.equals("v1")) {
        v1 = value.toLowerCase(Locale.ROOT);
      }
    }
    if (ts == null || ts.isEmpty() || v1 == null || v1.isEmpty()) {
      return new Invalid("x-signature lacks ts or v1");
    }
    if (maxAge.isPresent()) {
      Instant signedAt;
      try {
        long value = Long.parseLong(ts);
        signedAt =
            value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
      } catch (NumberFormatException e) {
        return new Invalid("ts is not a number");
      }
      if (Duration.between(signedAt, now).abs().compareTo(maxAge.get()) > 0) {
        return new Invalid("stale signature");
      }
    }
    byte[] given = v1.getBytes(StandardCharsets.US_ASCII);
    boolean match = matches(manifest(dataId, requestId, ts), given);
    if (!match && dataId != null) {
      String lower = dataId.toLowerCase(Locale.ROOT);
      if (!lower.equals(dataId)) {
        match = matches(manifest(lower, requestId, ts), given);
      }
    }
    return match ? new Valid() : new Invalid("signature mismatch");
  }

  /** The signed text; a pair whose value is missing is left out. */
  public static String manifest(String dataId, String requestId, String ts) {
    StringBuilder m = new StringBuilder();
    if (dataId != null && !dataId.isEmpty()) {
      m.append("id:").append(dataId).append(';');
    }
    if (requestId != null && !requestId.isEmpty()) {
      m.append("request-id:").append(requestId).append(';');
    }
    if (ts != null && !ts.isEmpty()) {
      m.append("ts:").append(ts).append(';');
    }
    return m.toString();
  }

  /** {@code v1} for a manifest under {@code secret} (tests and the sandbox sign with it). */
  public static String sign(String secret, String manifest) {
    return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), manifest));
  }

  private boolean matches(String manifest, byte[] given) {
    byte[] expected =
        HexFormat.of().formatHex(hmac(secret, manifest)).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
