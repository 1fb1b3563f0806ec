package ar.booking.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.notification.AlertKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationConfigTest {

  @Test
  void defaultsSendNothingToTheOwnerAndKeepMailInTheSandbox() {
    NotificationConfig n = Config.from(Map.of()).notifications();
    assertThat(n.alerts().whatsapp()).isEmpty();
    assertThat(n.alerts().emails()).isEmpty();
    assertThat(n.holdReminder()).isEqualTo(Duration.ofMinutes(10));
    assertThat(n.preArrivalHour()).isEqualTo(18);
    assertThat(n.retention()).isEqualTo(Duration.ofDays(90));
    assertThat(n.smtp()).isEmpty();
  }

  @Test
  void ownerDestinationsAreListsAndMutedKindsAreKnownCodes() {
    NotificationConfig n =
        Config.from(
                Map.of(
                    "OWNER_WHATSAPP", "+54 9 294 412-3456, 5491155550000",
                    "OWNER_EMAIL", "a@cabanas.test,b@cabanas.test",
                    "OWNER_ALERTS_MUTED", "hold_placed, feed_failed",
                    "SMTP_HOST", "smtp.cabanas.test",
                    "SMTP_FROM", "Cabañas <r@cabanas.test>",
                    "SMTP_STARTTLS", "false"))
            .notifications();
    assertThat(n.alerts().whatsapp()).containsExactly("5492944123456", "5491155550000");
    assertThat(n.alerts().emails()).containsExactly("a@cabanas.test", "b@cabanas.test");
    assertThat(n.alerts().muted())
        .containsExactlyInAnyOrder(AlertKind.HOLD_PLACED, AlertKind.FEED_FAILED);
    assertThat(n.smtp())
        .hasValueSatisfying(
            s -> {
              assertThat(s.port()).isEqualTo(587);
              assertThat(s.startTls()).isFalse();
              assertThat(s.toString()).doesNotContain("password");
            });
  }

  @Test
  void wrongValuesAreRefusedByName() {
    assertThatThrownBy(() -> Config.from(Map.of("OWNER_ALERTS_MUTED", "everything")))
        .hasMessageContaining("OWNER_ALERTS_MUTED")
        .hasMessageContaining("everything");
    assertThatThrownBy(() -> Config.from(Map.of("OWNER_WHATSAPP", "12")))
        .hasMessageContaining("OWNER_WHATSAPP");
    assertThatThrownBy(() -> Config.from(Map.of("SMTP_HOST", "smtp.cabanas.test")))
        .hasMessageContaining("SMTP_FROM");
    assertThatThrownBy(() -> Config.from(Map.of("PRE_ARRIVAL_HOUR", "24")))
        .hasMessageContaining("PRE_ARRIVAL_HOUR");
  }

  @Test
  void productionRefusesOwnerMailWithoutAMailServer() {
    Map<String, String> production = new HashMap<>();
    production.put("ENVIRONMENT", "production");
    production.put("DATABASE_URL", "postgresql://booking:s3cret@db:5432/booking");
    production.put(
        "JWT_SECRET", "3f9c1e2d7a8b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5");
    production.put("ADMIN_PASSWORD", "x7!Kq2#pLm9@vR4t");
    production.put("BASE_URL", "https://reservas.example.com");
    production.put("METRICS_TOKEN", "b7e1c2d3a4f5061728394a5b6c7d8e9f-metrics-scrape");
    production.put("ICS_SALT", "c4d5e6f708192a3b4c5d6e7f8091a2b3-calendar-export-salt");
    production.put("OWNER_EMAIL", "duenio@cabanas.test");
    production.put("WHATSAPP_APP_SECRET", "e1f2a3b4c5d6e7f8091a2b3c4d5e6f70");
    production.put("WHATSAPP_VERIFY_TOKEN", "5d6e7f8091a2b3c4d5e6f708192a3b4c-verify");
    production.put("WHATSAPP_ACCESS_TOKEN", "EAAG-test-access-token");
    production.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
    production.put("MERCADOPAGO_ACCESS_TOKEN", "APP_USR-notification-test-token");
    production.put("MERCADOPAGO_WEBHOOK_SECRET", "notification-test-webhook-secret");
    assertThatThrownBy(() -> Config.from(production)).hasMessageContaining("SMTP_HOST");
    production.put("SMTP_HOST", "smtp.cabanas.test");
    production.put("SMTP_FROM", "r@cabanas.test");
    assertThat(Config.from(production).notifications().smtp()).isPresent();
  }
}
