package ar.booking.app.whatsapp;

import ar.booking.app.http.RouteGroup;
import ar.booking.core.payment.PaymentGateway;
import ar.booking.core.payment.PaymentLink;
import io.javalin.config.RoutesConfig;

/**
 * PLACEHOLDER payment links until the Mercado Pago adapter is wired (and always in development
 * without credentials): a link to this app, {@code {BASE_URL}/api/v1/payments/sandbox/{code}},
 * served as a plain page that says no payment is made. The lead replaces it with the Mercado Pago
 * gateway in {@code BookingApp} where credentials are configured.
 */
public final class SandboxPaymentLinks implements PaymentGateway, RouteGroup {

  public static final String PATH = "/api/v1/payments/sandbox";

  private final String baseUrl;

  public SandboxPaymentLinks(String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  @Override
  public LinkOutcome createLink(LinkRequest request) {
    return new Created(
        new PaymentLink(
            request.code(),
            baseUrl + PATH + "/" + request.code().value(),
            request.amount(),
            request.expiresAt(),
            "sandbox-" + request.idempotencyKey()));
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        PATH + "/{code}",
        ctx ->
            ctx.contentType("text/plain; charset=utf-8")
                .result(
                    "Pago de prueba de la reserva "
                        + ctx.pathParam("code").replaceAll("[^A-Za-z0-9-]", "")
                        + ": este enlace es del modo sandbox, no se cobra nada."));
  }
}
