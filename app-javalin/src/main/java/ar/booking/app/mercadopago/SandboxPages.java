package ar.booking.app.mercadopago;

import ar.booking.app.http.RouteGroup;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The guest's pages around a payment: the sandbox's pay page ({@code GET/POST /sandbox/pay/{code}},
 * only with the sandbox gateway) and the page Mercado Pago sends the guest back to ({@code GET
 * /pago/{code}?estado=…}). Texts come from {@code messages/payments}.
 */
public final class SandboxPages implements RouteGroup {

  static final Locale ES_AR = Locale.forLanguageTag("es-AR");

  private final Optional<SandboxPayments> sandbox;
  private final ResourceBundle texts = ResourceBundle.getBundle("messages.payments", ES_AR);

  public SandboxPages(Optional<SandboxPayments> sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    sandbox.ifPresent(
        s -> {
          routes.get(SandboxPayments.PAGE + "{code}", this::page);
          routes.post(SandboxPayments.PAGE + "{code}", this::pay);
        });
    routes.get("/pago/{code}", this::returned);
  }

  private String text(String key, Object... args) {
    return escape(MessageFormat.format(texts.getString(key), args));
  }

  private Optional<ReservationCode> code(Context ctx) {
    try {
      return Optional.of(ReservationCode.parse(ctx.pathParam("code")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void page(Context ctx) {
    Optional<ReservationCode> code = code(ctx);
    Optional<Money> amount = code.flatMap(c -> sandbox.orElseThrow().amount(c));
    if (amount.isEmpty()) {
      ctx.status(404).html(html(text("sandbox.title"), "<p>" + text("sandbox.unknown") + "</p>"));
      return;
    }
    String action = SandboxPayments.PAGE + code.get().value();
    String body =
        "<p><strong>"
            + text("sandbox.notice")
            + "</strong></p><p>"
            + text("sandbox.reservation", code.get().value())
            + "</p><p>"
            + text(
                "sandbox.amount",
                amount.get().currency().getCurrencyCode(),
                amount.get().amount().toPlainString())
            + "</p>"
            + button(action, "approved", text("sandbox.approve"))
            + button(action, "pending", text("sandbox.pending"))
            + button(action, "rejected", text("sandbox.reject"));
    ctx.html(html(text("sandbox.title"), body));
  }

  private static String button(String action, String status, String label) {
    return "<form method=\"post\" action=\""
        + action
        + "\"><input type=\"hidden\" name=\"status\" value=\""
        + status
        + "\"><button type=\"submit\">"
        + label
        + "</button></form>";
  }

  private void pay(Context ctx) {
    Optional<ReservationCode> code = code(ctx);
    Optional<Money> amount = code.flatMap(c -> sandbox.orElseThrow().amount(c));
    PaymentStatus status =
        switch (String.valueOf(ctx.formParam("status"))) {
          case "approved" -> PaymentStatus.APPROVED;
          case "pending" -> PaymentStatus.PENDING;
          case "rejected" -> PaymentStatus.REJECTED;
          default -> null;
        };
    if (amount.isEmpty() || status == null) {
      ctx.status(404).html(html(text("sandbox.title"), "<p>" + text("sandbox.unknown") + "</p>"));
      return;
    }
    sandbox.orElseThrow().simulate(code.get(), amount.get(), status);
    String label =
        switch (status) {
          case APPROVED -> texts.getString("sandbox.approve");
          case PENDING -> texts.getString("sandbox.pending");
          default -> texts.getString("sandbox.reject");
        };
    ctx.html(html(text("sandbox.title"), "<p>" + text("sandbox.done", label) + "</p>"));
  }

  private void returned(Context ctx) {
    String code = code(ctx).map(ReservationCode::value).orElse("");
    String key =
        switch (String.valueOf(ctx.queryParam("estado"))) {
          case "aprobado" -> "return.approved";
          case "pendiente" -> "return.pending";
          default -> "return.rejected";
        };
    ctx.html(html(text("return.title"), "<p>" + text(key, code) + "</p>"));
  }

  private static String html(String title, String body) {
    return "<!doctype html><html lang=\"es-AR\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + title
        + "</title></head><body><h1>"
        + title
        + "</h1>"
        + body
        + "</body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
