package ar.booking.payments.mercadopago;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signature exactly as Mercado Pago computes it. */
class WebhookSignatureTest {

  private static final String SECRET = "s3cr3t-webhook";
  private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
  private static final String TS = String.valueOf(NOW.getEpochSecond());

  private final WebhookSignature signature = new WebhookSignature(SECRET, Optional.empty());

  private static String header(String secret, String id, String requestId, String ts) {
    return "ts="
        + ts
        + ",v1="
        + WebhookSignature.sign(secret, WebhookSignature.manifest(id, requestId, ts));
  }

  @Test
  void theManifestIsTheOfficialOneWithMissingPairsLeftOut() {
    assertThat(WebhookSignature.manifest("123", "req-1", "1700"))
        .isEqualTo("id:123;request-id:req-1;ts:1700;");
    assertThat(WebhookSignature.manifest(null, "req-1", "1700"))
        .isEqualTo("request-id:req-1;ts:1700;");
    assertThat(WebhookSignature.manifest("123", "", "1700")).isEqualTo("id:123;ts:1700;");
  }

  @Test
  void aKnownVectorMatches() {
    // HMAC-SHA256("s3cr3t-webhook", "id:123;request-id:req-1;ts:1700;"), computed independently
    assertThat(WebhookSignature.sign(SECRET, "id:123;request-id:req-1;ts:1700;"))
        .isEqualTo(javaxHmac("id:123;request-id:req-1;ts:1700;"));
  }

  private static String javaxHmac(String manifest) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(manifest.getBytes()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void validWrongMissingAndOtherSecret() {
    assertThat(signature.verify(header(SECRET, "123", "r", TS), "r", "123", NOW))
        .isInstanceOf(WebhookSignature.Valid.class);
    assertThat(signature.verify(header(SECRET, "124", "r", TS), "r", "123", NOW))
        .isEqualTo(new WebhookSignature.Invalid("signature mismatch"));
    assertThat(signature.verify(null, "r", "123", NOW))
        .isEqualTo(new WebhookSignature.Invalid("no x-signature"));
    assertThat(signature.verify("ts=" + TS, "r", "123", NOW))
        .isEqualTo(new WebhookSignature.Invalid("x-signature lacks ts or v1"));
    assertThat(signature.verify(header("other", "123", "r", TS), "r", "123", NOW))
        .isInstanceOf(WebhookSignature.Invalid.class);
    assertThat(signature.verify(header(SECRET, "123", "r", TS), "other-request", "123", NOW))
        .isInstanceOf(WebhookSignature.Invalid.class);
  }

  @Test
  void anAlphanumericIdMatchesSignedInItsOwnCasingOrLowerCase() {
    assertThat(signature.verify(header(SECRET, "AbC9", "r", TS), "r", "AbC9", NOW))
        .isInstanceOf(WebhookSignature.Valid.class);
    assertThat(signature.verify(header(SECRET, "abc9", "r", TS), "r", "AbC9", NOW))
        .isInstanceOf(WebhookSignature.Valid.class);
    assertThat(signature.verify(header(SECRET, "ABC9", "r", TS), "r", "AbC9", NOW))
        .isInstanceOf(WebhookSignature.Invalid.class);
  }

  @Test
  void theReplayWindowAcceptsSecondsAndMillisecondsAndRefusesStaleOnes() {
    WebhookSignature windowed = new WebhookSignature(SECRET, Optional.of(Duration.ofMinutes(5)));
    String millis = String.valueOf(NOW.toEpochMilli());
    String old = String.valueOf(NOW.minus(Duration.ofMinutes(6)).getEpochSecond());

    assertThat(windowed.verify(header(SECRET, "1", "r", TS), "r", "1", NOW))
        .isInstanceOf(WebhookSignature.Valid.class);
    assertThat(windowed.verify(header(SECRET, "1", "r", millis), "r", "1", NOW))
        .isInstanceOf(WebhookSignature.Valid.class);
    assertThat(windowed.verify(header(SECRET, "1", "r", old), "r", "1", NOW))
        .isEqualTo(new WebhookSignature.Invalid("stale signature"));
    // without a window, an old signature still verifies
    assertThat(signature.verify(header(SECRET, "1", "r", old), "r", "1", NOW))
        .isInstanceOf(WebhookSignature.Valid.class);
  }

  @Test
  void spacesAndOrderInTheHeaderDoNotMatter() {
    String v1 = WebhookSignature.sign(SECRET, WebhookSignature.manifest("1", "r", TS));
    assertThat(signature.verify("v1=" + v1.toUpperCase() + ", ts=" + TS, "r", "1", NOW))
        .isInstanceOf(WebhookSignature.Valid.class);
  }
}
