package ar.booking.app;

import static ar.booking.app.MercadoPagoFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Without an access token (outside production) the sandbox stands in for Mercado Pago: the link is
 * a local page whose buttons become payments travelling the same path as real notifications.
 */
class MercadoPagoSandboxIT {

  private static HttpResponse<String> click(MercadoPagoFixture f, String code, String status)
      throws Exception {
    return TestApps.post(
        f.app,
        "/sandbox/pay/" + code,
        "status=" + status,
        "Content-Type",
        "application/x-www-form-urlencoded");
  }

  @Test
  void theSandboxPageTakesAPendingThenAnApprovedPaymentThroughTheProcessingPath() throws Exception {
    try (MercadoPagoFixture f =
        new MercadoPagoFixture(
            env -> {
              env.remove("MERCADOPAGO_ACCESS_TOKEN");
              env.remove("MERCADOPAGO_WEBHOOK_SECRET");
            })) {
      String code = f.hold(f.unit()).get("code").asText();
      String url = f.link(code).get("url").asText();
      assertThat(url).isEqualTo("https://reservas.example.com/sandbox/pay/" + code);

      HttpResponse<String> page = TestApps.get(f.app, "/sandbox/pay/" + code);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("Aprobar el pago")
          .contains("Rechazar el pago")
          .contains(code);
      assertThat(TestApps.get(f.app, "/sandbox/pay/ZZZZZZZZ").statusCode()).isEqualTo(404);

      assertThat(click(f, code, "pending").statusCode()).isEqualTo(200);
      f.process();
      assertThat(f.events(code, "PAYMENT_PENDING")).hasSize(1);
      assertThat(f.status(code)).isEqualTo("pre_reserved");

      assertThat(click(f, code, "approved").body()).contains("Te avisamos por WhatsApp");
      f.process();
      assertThat(f.status(code)).isEqualTo("confirmed");
      assertThat(f.reservation(code).get("payments")).hasSize(1);
      assertThat(f.mp.preferences).isEmpty();

      // the page Mercado Pago sends a guest back to
      assertThat(TestApps.get(f.app, "/pago/" + code + "?estado=aprobado").body())
          .contains("Recibimos tu pago");
      assertThat(
              json(TestApps.post(f.app, "/api/v1/admin/payments/nope/refund", "", f.auth()))
                  .get("error")
                  .asText())
          .isEqualTo("not_found");
    }
  }
}
