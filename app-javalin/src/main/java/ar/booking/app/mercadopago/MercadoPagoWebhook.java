package ar.booking.app.mercadopago;

import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.payment.PaymentNotifications;
import ar.booking.payments.mercadopago.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/mercadopago/webhook} (and {@code /api/v1/webhooks/mercadopago}): verifies
 * {@code x-signature} (401 and nothing stored when it does not), records the notification once per
 * (payment id, action) and answers 200 at once; a job reads the payment and applies it. The legacy
 * IPN form ({@code ?topic=payment&id=…}, unsigned) is only recorded as a hint to read that payment:
 * whatever it claims is never used.
 */
public final class MercadoPagoWebhook implements RouteGroup {

  private static final Logger log = LoggerFactory.getLogger(MercadoPagoWebhook.class);

  public static final String PATH = "/api/v1/mercadopago/webhook";
  public static final String ALIAS = "/api/v1/webhooks/mercadopago";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern ACTION = Pattern.compile("[a-z_.]{1,40}");
  private static final int MAX_BODY = 16 * 1024;

  private final Optional<WebhookSignature> signature;
  private final PaymentNotifications notifications;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param signature empty only outside production without a webhook secret: unsigned notifications
   *     are then accepted (they are only hints to read the payment)
   */
  public MercadoPagoWebhook(
      Optional<WebhookSignature> signature, PaymentNotifications notifications, Clock clock) {
    this.signature = signature;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PATH, this::receive);
    routes.post(ALIAS, this::receive);
  }

  private void receive(Context ctx) {
    String dataId = query(ctx, "data.id");
    String topic = ctx.queryParam("topic");
    if (dataId == null && topic != null) {
      legacy(ctx, topic, ctx.queryParam("id"));
      return;
    }
    if (signature.isPresent()) {
      var verdict =
          signature
              .get()
              .verify(
                  ctx.header("x-signature"), ctx.header("x-request-id"), dataId, clock.instant());
      if (verdict instanceof WebhookSignature.Invalid invalid) {
        log.warn("Mercado Pago notification refused: {}", invalid.reason());
        throw new ApiException(
            401, "invalid_signature", "The notification signature does not verify.");
      }
    }
    String body = ctx.body();
    if (body.length() > MAX_BODY) {
      throw ApiException.badRequest("The notification body is too large.");
    }
    JsonNode node;
    try {
      node = body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      throw new ApiException(400, "malformed_body", "The notification body is not JSON.");
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "malformed_body", "The notification body is not a JSON object.");
    }
    String type = firstNonNull(ctx.queryParam("type"), node.path("type").asText(null));
    if (type != null && !type.equals("payment")) {
      ctx.json(Map.of("status", "ignored")); // merchant orders and other topics: not ours
      return;
    }
    if (dataId == null) {
      dataId = node.path("data").path("id").asText(null);
      if (signature.isPresent() || dataId == null) {
        throw ApiException.badRequest("data.id is missing from the query string.");
      }
    }
    if (!ID.matcher(dataId).matches()) {
      throw ApiException.badRequest("data.id is not a payment id.");
    }
    String action = node.path("action").asText("payment.updated");
    if (!ACTION.matcher(action).matches()) {
      action = "payment.updated";
    }
    boolean fresh =
        notifications.record(dataId, action, ctx.header("x-request-id"), body, clock.instant());
    ctx.json(Map.of("status", fresh ? "recorded" : "duplicate"));
  }

  private void legacy(Context ctx, String topic, String id) {
    if (!"payment".equals(topic) || id == null || !id.matches("[0-9]{1,20}")) {
      ctx.json(Map.of("status", "ignored"));
      return;
    }
    boolean fresh = notifications.record(id, "ipn", null, "{\"ipn\":true}", clock.instant());
    ctx.json(Map.of("status", fresh ? "recorded" : "duplicate"));
  }

  private static String query(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
