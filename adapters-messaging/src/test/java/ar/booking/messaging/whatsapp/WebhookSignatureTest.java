package ar.booking.messaging.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private final WebhookSignature signature = new WebhookSignature("app-secret-123");
  private final byte[] body =
      "{\"entry\":[{\"name\":\"María José Núñez 🌵\"}]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aKnownVectorMatches() {
    // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), RFC-style test vector.
    WebhookSignature key = new WebhookSignature("key");
    byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    String expected = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
    assertThat(key.sign(fox)).isEqualTo(expected);
    assertThat(key.verify(fox, expected)).isTrue();
    assertThat(key.verify(fox, expected.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
  }

  @Test
  void theRawBytesAreSignedNotAReserialisation() {
    String header = signature.sign(body);
    assertThat(signature.verify(body, header)).isTrue();
    byte[] escaped =
        "{\"entry\":[{\"name\":\"Mar\\u00eda Jos\\u00e9 N\\u00fa\\u00f1ez \\ud83c\\udf35\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify(escaped, header)).as("same JSON, other bytes").isFalse();
  }

  @Test
  void missingForgedOrMalformedSignaturesAreRefused() {
    String good = signature.sign(body);
    assertThat(signature.verify(body, null)).isFalse();
    assertThat(signature.verify(body, "")).isFalse();
    assertThat(signature.verify(body, good.substring("sha256=".length()))).isFalse();
    assertThat(signature.verify(body, "sha1=" + good.substring(7))).isFalse();
    assertThat(signature.verify(body, "sha256=zz")).isFalse();
    assertThat(signature.verify(body, good.substring(0, good.length() - 2))).isFalse();
    assertThat(new WebhookSignature("other").verify(body, good)).isFalse();
    char last = good.charAt(good.length() - 1);
    String flipped = good.substring(0, good.length() - 1) + (last == '0' ? '1' : '0');
    assertThat(signature.verify(body, flipped)).isFalse();
  }

  @Test
  void anEmptySecretIsAConfigurationError() {
    assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
  }
}
