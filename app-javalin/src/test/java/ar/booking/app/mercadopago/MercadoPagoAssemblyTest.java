package ar.booking.app.mercadopago;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small decisions of the assembly. */
class MercadoPagoAssemblyTest {

  @Test
  void backUrlsOnlyForAPublicHttpsSite() {
    assertThat(MercadoPago.isPublic("https://reservas.example.com")).isTrue();
    assertThat(MercadoPago.isPublic("http://reservas.example.com")).isFalse();
    assertThat(MercadoPago.isPublic("https://localhost:8000")).isFalse();
    assertThat(MercadoPago.isPublic("https://127.0.0.1")).isFalse();
    assertThat(MercadoPago.isPublic("https://192.168.1.10")).isFalse();
    assertThat(MercadoPago.isPublic("https://cabanas.local")).isFalse();
  }

  @Test
  void theNotificationUrlIsOurWebhookWithoutLegacyIpn() {
    assertThat(MercadoPago.notificationUrl("https://reservas.example.com"))
        .isEqualTo("https://reservas.example.com/api/v1/mercadopago/webhook?source_news=webhooks");
  }

  @Test
  void retriesOfAFailedNotificationBackOffUpToHalfAnHour() {
    assertThat(PaymentProcessing.retryAfter(1)).isEqualTo(Duration.ofSeconds(15));
    assertThat(PaymentProcessing.retryAfter(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(PaymentProcessing.retryAfter(20)).isEqualTo(Duration.ofMinutes(30));
  }
}
