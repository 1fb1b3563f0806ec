package ar.booking.app.mercadopago;

import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.Payments;
import ar.booking.core.payment.ProviderPayments;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The owner's payment routes: {@code POST /api/v1/admin/reservations/{code}/payment-link} (a hold's
 * link, the stored one while it is valid) and {@code POST /api/v1/admin/payments/{id}/refund}
 * ({@code id} = Mercado Pago's payment id; body {@code {"amount": "1000.00"}} for a partial refund,
 * none for all of it; the same request again refunds once — send an {@code Idempotency-Key} header
 * to make a second, separate partial refund).
 */
public final class PaymentAdmin implements RouteGroup {

  static final String PREFIX = "/api/v1/admin";

  private final IssuePaymentLink issue;
  private final Payments payments;
  private final ProviderPayments provider;
  private final PaymentProcessing processing;
  private final ObjectMapper json = new ObjectMapper();

  public PaymentAdmin(
      IssuePaymentLink issue,
      Payments payments,
      ProviderPayments provider,
      PaymentProcessing processing) {
    this.issue = issue;
    this.payments = payments;
    this.provider = provider;
    this.processing = processing;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PREFIX + "/reservations/{code}/payment-link", this::link);
    routes.post(PREFIX + "/payments/{id}/refund", this::refund);
  }

  private void link(Context ctx) {
    Actors.current(ctx);
    ReservationCode code;
    try {
      code = ReservationCode.parse(ctx.pathParam("code"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No reservation " + ctx.pathParam("code") + ".");
    }
    switch (issue.issue(code)) {
      case IssuePaymentLink.Issued issued -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", issued.link().url());
        body.put("amount", issued.link().amount().amount().toPlainString());
        body.put("currency", issued.link().amount().currency().getCurrencyCode());
        body.put("expires_at", issued.link().expiresAt().toString());
        ctx.json(body);
      }
      case IssuePaymentLink.NotPayable notPayable -> {
        if (notPayable.reason().startsWith("no such")) {
          throw ApiException.notFound("No reservation " + code.value() + ".");
        }
        throw new ApiException(409, "not_payable", "No payment link: " + notPayable.reason() + ".");
      }
      case IssuePaymentLink.GatewayDown down ->
          throw new ApiException(
              503, "payment_provider_unavailable", "Mercado Pago did not answer: " + down.reason());
    }
  }

  private void refund(Context ctx) {
    Actors.current(ctx);
    String id = ctx.pathParam("id").strip();
    Payment payment =
        payments
            .find(PaymentProvider.MERCADO_PAGO, id)
            .orElseThrow(() -> ApiException.notFound("No Mercado Pago payment " + id + "."));
    if (payment.status() != PaymentStatus.APPROVED) {
      throw new ApiException(
          409,
          "not_refundable",
          "A " + payment.status().name().toLowerCase(Locale.ROOT) + " payment cannot be refunded.");
    }
    Money amount = amount(ctx, payment);
    String key =
        "refund:"
            + id
            + ":"
            + (amount == null ? "full" : amount.amount().toPlainString())
            + (ctx.header("Idempotency-Key") == null
                ? ""
                : ":" + ctx.header("Idempotency-Key").strip());
    switch (provider.refund(id, amount, key)) {
      case ProviderPayments.Refunded refunded -> {
        // Read the truth back so the stored payment shows the refund at once.
        try {
          provider.payment(id).ifPresent(processing::apply);
        } catch (ProviderPayments.Unavailable later) {
          // the notification of the refund will bring it
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment_id", id);
        body.put("refund_id", refunded.refundId());
        body.put("amount", refunded.amount().amount().toPlainString());
        body.put("currency", refunded.amount().currency().getCurrencyCode());
        ctx.json(body);
      }
      case ProviderPayments.RefundRefused refused ->
          throw new ApiException(
              refused.retryable() ? 503 : 409,
              refused.retryable() ? "payment_provider_unavailable" : "refund_refused",
              "Mercado Pago did not refund: " + refused.reason());
    }
  }

  private Money amount(Context ctx, Payment payment) {
    String body = ctx.body();
    if (body.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("The body is not JSON.");
    }
    JsonNode value = node == null ? null : node.get("amount");
    if (value == null || value.isNull()) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.asText());
    } catch (NumberFormatException e) {
      throw new ApiException(
          400, "invalid_request", "amount must be a number.", Map.of("field", "amount"));
    }
    Money money;
    try {
      money = new Money(amount, payment.amount().currency());
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          400, "invalid_request", "amount: " + e.getMessage(), Map.of("field", "amount"));
    }
    if (amount.signum() <= 0 || !payment.amount().minus(payment.refunded()).isAtLeast(money)) {
      throw new ApiException(
          400,
          "invalid_request",
          "amount must be positive and at most what is left to refund.",
          Map.of("field", "amount"));
    }
    return money;
  }
}
