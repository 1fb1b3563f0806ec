package ar.booking.app.whatsapp;

import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.ports.Transactions;
import ar.booking.messaging.whatsapp.MalformedWebhook;
import ar.booking.messaging.whatsapp.WebhookDelivery;
import ar.booking.messaging.whatsapp.WebhookParser;
import ar.booking.messaging.whatsapp.WebhookSignature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's webhook, on {@value #PATH} and {@value #ALIAS}. GET answers the verification challenge
 * (raw {@code hub.challenge} as text/plain, or 403). POST checks {@code X-Hub-Signature-256} over
 * the raw bytes first (401, nothing stored), parses (400 when malformed), stores every message in
 * the inbox and records every status on the outbox in one unit of work, and only then answers 200;
 * when that cannot be stored the answer is 503 so Meta delivers again. Bodies up to 3 MB (413).
 */
public final class WhatsAppWebhook implements RouteGroup {

  public static final String PATH = "/api/v1/whatsapp/webhook";
  public static final String ALIAS = "/api/v1/webhooks/whatsapp";
  public static final long MAX_BYTES = 3L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhook.class);

  private final Optional<WebhookSignature> signature;
  private final boolean acceptUnsigned;
  private final Optional<String> verifyToken;
  private final WebhookParser parser = new WebhookParser();
  private final Inbox inbox;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final WhatsAppMetrics metrics;
  private final ReceivedTimes received;
  private final Runnable stored;

  /**
   * @param appSecret {@code WHATSAPP_APP_SECRET}; without it POSTs are refused (503) unless {@code
   *     acceptUnsigned} (development only)
   * @param stored called after new messages were stored (wakes the inbox worker)
   */
  public WhatsAppWebhook(
      Optional<String> appSecret,
      boolean acceptUnsigned,
      Optional<String> verifyToken,
      Inbox inbox,
      Outbox outbox,
      Transactions transactions,
      Clock clock,
      WhatsAppMetrics metrics,
      ReceivedTimes received,
      Runnable stored) {
    this.signature = appSecret.map(WebhookSignature::new);
    this.acceptUnsigned = acceptUnsigned;
    this.verifyToken = verifyToken;
    this.inbox = inbox;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.metrics = metrics;
    this.received = received;
    this.stored = stored;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    for (String path : List.of(PATH, ALIAS)) {
      routes.get(path, this::verify);
      routes.post(path, this::receive);
    }
  }

  private void verify(Context ctx) {
    String mode = ctx.queryParam("hub.mode");
    String token = ctx.queryParam("hub.verify_token");
    String challenge = ctx.queryParam("hub.challenge");
    boolean ok =
        "subscribe".equals(mode)
            && token != null
            && challenge != null
            && verifyToken.isPresent()
            && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8),
                verifyToken.get().getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      log.warn("WhatsApp webhook verification refused (mode {})", mode);
      ctx.status(403).contentType("text/plain; charset=utf-8").result("Forbidden");
      return;
    }
    ctx.status(200).contentType("text/plain").result(challenge);
  }

  private void receive(Context ctx) throws IOException {
    byte[] body = readBounded(ctx);
    if (signature.isPresent()) {
      if (!signature.get().verify(body, ctx.header("X-Hub-Signature-256"))) {
        metrics.rejected("signature", 1);
        throw new ApiException(
            401, "invalid_signature", "X-Hub-Signature-256 is missing or does not match.");
      }
    } else if (!acceptUnsigned) {
      metrics.rejected("not_configured", 1);
      ctx.header("Retry-After", "60");
      throw new ApiException(
          503, "not_configured", "WHATSAPP_APP_SECRET is not set: webhooks cannot be verified.");
    }
    Instant now = clock.instant();
    WebhookDelivery delivery;
    try {
      delivery = parser.parse(body, now);
    } catch (MalformedWebhook e) {
      metrics.rejected("malformed", 1);
      throw new ApiException(400, "invalid_json", e.getMessage());
    }
    List<WebhookDelivery.Received> fresh;
    try {
      // One update (the usual delivery) is one auto-committed statement; more share a commit.
      boolean single = delivery.messages().size() + delivery.statuses().size() <= 1;
      fresh =
          single ? store(delivery, now) : transactions.inTransaction(() -> store(delivery, now));
    } catch (RuntimeException e) {
      metrics.rejected("storage", 1);
      log.warn("A WhatsApp delivery could not be stored, answering 503: {}", e.toString());
      ctx.header("Retry-After", "5");
      throw new ApiException(
          503, "storage_unavailable", "The delivery could not be stored; deliver it again.");
    }
    for (WebhookDelivery.Received r : fresh) {
      received.put(r.message().messageId(), now);
    }
    countByKind(fresh);
    if (!fresh.isEmpty()) {
      stored.run();
    }
    ctx.status(200)
        .json(
            Map.of(
                "messages", delivery.messages().size(),
                "new", fresh.size(),
                "statuses", delivery.statuses().size()));
  }

  private List<WebhookDelivery.Received> store(WebhookDelivery delivery, Instant now) {
    List<WebhookDelivery.Received> added = new ArrayList<>();
    for (WebhookDelivery.Received r : delivery.messages()) {
      if (inbox.store(r.message(), r.raw(), now)) {
        added.add(r);
      }
    }
    for (WebhookDelivery.StatusReport s : delivery.statuses()) {
      outbox.recordDelivery(s.messageId(), s.state(), s.at(), s.error());
    }
    return added;
  }

  private void countByKind(List<WebhookDelivery.Received> fresh) {
    int[] counts = new int[InboundKind.values().length];
    fresh.forEach(r -> counts[r.message().kind().ordinal()]++);
    for (InboundKind kind : InboundKind.values()) {
      if (counts[kind.ordinal()] > 0) {
        metrics.received(kind, counts[kind.ordinal()]);
      }
    }
  }

  /** The raw body, at most {@link #MAX_BYTES}; larger is a 413. */
  private byte[] readBounded(Context ctx) throws IOException {
    if (ctx.contentLength() > MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ApiException tooLarge() {
    metrics.rejected("too_large", 1);
    return new ApiException(
        413,
        "payload_too_large",
        "The request body is larger than " + MAX_BYTES + " bytes.",
        Map.of("max_bytes", MAX_BYTES));
  }
}
