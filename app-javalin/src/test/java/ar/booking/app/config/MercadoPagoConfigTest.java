package ar.booking.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mercadopago area: defaults, bounds, the sandbox, and production's refusals. */
class MercadoPagoConfigTest {

  private static Map<String, String> production() {
    Map<String, String> env = new HashMap<>();
    env.put("ENVIRONMENT", "production");
    env.put("DATABASE_URL", "postgresql://booking:s3cret@db:5432/booking");
    env.put("JWT_SECRET", "3f9c1e2d7a8b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5");
    env.put("ADMIN_PASSWORD", "x7!Kq2#pLm9@vR4t");
    env.put("BASE_URL", "https://reservas.example.com");
    env.put("METRICS_TOKEN", "b7e1c2d3a4f5061728394a5b6c7d8e9f-metrics-scrape");
    env.put("ICS_SALT", "c4d5e6f708192a3b4c5d6e7f8091a2b3-calendar-export-salt");
    env.put("WHATSAPP_APP_SECRET", "e1f2a3b4c5d6e7f8091a2b3c4d5e6f70");
    env.put("WHATSAPP_VERIFY_TOKEN", "5d6e7f8091a2b3c4d5e6f708192a3b4c-verify");
    env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-test-access-token");
    env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
    return env;
  }

  @Test
  void defaultsAreTheSandboxTheRealApiBaseOwnerPolicyAndFiveMinutes() {
    MercadoPagoConfig mp = Config.from(Map.of()).mercadoPago();
    assertThat(mp.sandbox()).isTrue();
    assertThat(mp.apiBaseUrl()).isEqualTo(URI.create("https://api.mercadopago.com"));
    assertThat(mp.latePolicy()).isEqualTo("owner");
    assertThat(mp.pendingExtension()).isEqualTo(Duration.ofMinutes(60));
    assertThat(mp.reconcileInterval()).isEqualTo(Duration.ofSeconds(300));
    assertThat(mp.webhookMaxAge()).isEmpty();
  }

  @Test
  void productionRefusesToStartWithoutTheTokenAndTheWebhookSecret() {
    assertThatThrownBy(() -> Config.from(production()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(
                        p -> assertThat(p).startsWith("MERCADOPAGO_ACCESS_TOKEN is required"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("MERCADOPAGO_WEBHOOK_SECRET is required")));
    Map<String, String> env = production();
    env.put("MERCADOPAGO_ACCESS_TOKEN", "APP_USR-123");
    env.put("MERCADOPAGO_WEBHOOK_SECRET", "hook-secret");
    MercadoPagoConfig mp = Config.from(env).mercadoPago();
    assertThat(mp.sandbox()).isFalse();
    assertThat(mp.toString()).doesNotContain("APP_USR-123").doesNotContain("hook-secret");
  }

  @Test
  void badValuesAreRefusedTogether() {
    assertThatThrownBy(
            () ->
                Config.from(
                    Map.of(
                        "PAYMENT_LATE_POLICY", "keep",
                        "MERCADOPAGO_API_BASE_URL", "ftp://x",
                        "JOB_PAYMENT_RECONCILE_INTERVAL_SECONDS", "5")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
    MercadoPagoConfig custom =
        Config.from(
                Map.of(
                    "PAYMENT_LATE_POLICY", "REFUND",
                    "MERCADOPAGO_WEBHOOK_MAX_AGE_SECONDS", "600",
                    "MERCADOPAGO_API_BASE_URL", "http://127.0.0.1:9999/"))
            .mercadoPago();
    assertThat(custom.latePolicy()).isEqualTo("refund");
    assertThat(custom.webhookMaxAge()).isEqualTo(Optional.of(Duration.ofSeconds(600)));
    assertThat(custom.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
  }
}
