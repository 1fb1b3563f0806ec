package ar.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP server standing in for Mercado Pago's API: it records preferences, serves the
 * payments a test puts in it (lookup and search by external reference), refunds honouring {@code
 * X-Idempotency-Key}, and can be told to answer 500.
 */
final class MercadoPagoStandIn implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<JsonNode> preferences = new CopyOnWriteArrayList<>();
  final List<String> preferenceKeys = new CopyOnWriteArrayList<>();
  final List<String> refundKeys = new CopyOnWriteArrayList<>();
  final AtomicInteger paymentReads = new AtomicInteger();
  private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
  private final Map<String, String> refunds = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** When not 0, payment lookups and searches answer this status. */
  volatile int failWith;

  private final HttpServer server;

  MercadoPagoStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Puts (or replaces) a payment Mercado Pago "knows". */
  void payment(String id, String status, String reference, String amount, String currency) {
    ObjectNode p = JSON.createObjectNode();
    p.put("id", Long.parseLong(id));
    p.put("status", status);
    p.put("status_detail", status.equals("approved") ? "accredited" : status);
    p.put("external_reference", reference);
    p.put("transaction_amount", new BigDecimal(amount));
    p.put("transaction_amount_refunded", BigDecimal.ZERO);
    p.put("currency_id", currency);
    if (status.equals("approved")) {
      p.put("date_approved", "2026-11-25T12:10:00.000-03:00");
    }
    payments.put(id, p);
  }

  void status(String id, String status) {
    payments.get(id).put("status", status);
  }

  JsonNode payment(String id) {
    return payments.get(id);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = exchange.getRequestHeaders().getFirst("X-Idempotency-Key");
    try {
      if (method.equals("POST") && path.equals("/checkout/preferences")) {
        preferences.add(JSON.readTree(body));
        preferenceKeys.add(key);
        int n = ids.incrementAndGet();
        reply(
            exchange,
            201,
            "{\"id\":\"pref-"
                + n
                + "\",\"init_point\":\"https://www.mercadopago.com.ar/checkout/v1/redirect?pref_id=pref-"
                + n
                + "\"}");
      } else if (method.equals("GET") && path.equals("/v1/payments/search")) {
        if (failWith != 0) {
          reply(exchange, failWith, "{\"message\":\"down\"}");
          return;
        }
        String reference = query.replaceAll(".*external_reference=([^&]*).*", "$1");
        ObjectNode result = JSON.createObjectNode();
        var results = result.putArray("results");
        payments.values().stream()
            .filter(p -> reference.equals(p.path("external_reference").asText()))
            .forEach(results::add);
        reply(exchange, 200, result.toString());
      } else if (method.equals("GET") && path.startsWith("/v1/payments/")) {
        paymentReads.incrementAndGet();
        if (failWith != 0) {
          reply(exchange, failWith, "{\"message\":\"down\"}");
          return;
        }
        ObjectNode p = payments.get(path.substring("/v1/payments/".length()));
        reply(
            exchange,
            p == null ? 404 : 200,
            p == null ? "{\"message\":\"not found\"}" : p.toString());
      } else if (method.equals("POST") && path.endsWith("/refunds")) {
        refundKeys.add(key);
        String id = path.substring("/v1/payments/".length(), path.length() - "/refunds".length());
        String answer = refunds.computeIfAbsent(key, k -> refund(id, body));
        reply(exchange, 201, answer);
      } else {
        reply(exchange, 404, "{}");
      }
    } catch (RuntimeException e) {
      reply(exchange, 500, "{\"message\":\"" + e + "\"}");
    }
  }

  private synchronized String refund(String id, String body) {
    ObjectNode p = payments.get(id);
    BigDecimal total = p.path("transaction_amount").decimalValue();
    BigDecimal already = p.path("transaction_amount_refunded").decimalValue();
    BigDecimal amount;
    try {
      JsonNode requested = JSON.readTree(body).get("amount");
      amount = requested == null ? total.subtract(already) : requested.decimalValue();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    BigDecimal now = already.add(amount);
    p.put("transaction_amount_refunded", now);
    if (now.compareTo(total) >= 0) {
      p.put("status", "refunded");
    }
    return "{\"id\":" + (9000 + ids.incrementAndGet()) + ",\"amount\":" + amount + "}";
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
