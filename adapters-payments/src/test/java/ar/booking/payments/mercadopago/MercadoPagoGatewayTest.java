package ar.booking.payments.mercadopago;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.payment.PaymentGateway;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.ProviderPayment;
import ar.booking.core.payment.ProviderPayments;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a real local HTTP server standing in for Mercado Pago. */
class MercadoPagoGatewayTest {

  private record Seen(
      String method, String path, String body, String idempotencyKey, String auth) {}

  private record Reply(int status, String body, long delayMillis) {}

  private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
  private static final ReservationCode CODE = new ReservationCode("AB12CD34");

  private final ObjectMapper json = new ObjectMapper();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Deque<Reply> replies = new LinkedBlockingDeque<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            body,
            exchange.getRequestHeaders().getFirst("X-Idempotency-Key"),
            exchange.getRequestHeaders().getFirst("Authorization")));
    Reply polled = replies.poll();
    Reply reply = polled == null ? new Reply(500, "{}", 0) : polled;
    if (reply.delayMillis() > 0) {
      try {
        // the stand-in hangs on purpose (a timeout case) until the test ends
        release.await(reply.delayMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void reply(int status, String body) {
    replies.add(new Reply(status, body, 0));
  }

  private MercadoPagoGateway gateway(Optional<String> backUrls) {
    MercadoPagoSettings settings =
        MercadoPagoSettings.of(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                "TEST-token",
                "https://reservas.example.com/api/v1/mercadopago/webhook?source_news=webhooks",
                backUrls)
            .withTimeouts(Duration.ofMillis(1500), Duration.ofMillis(10))
            .withBreaker(3, Duration.ofSeconds(30));
    return new MercadoPagoGateway(settings, Clock.fixed(NOW, ZoneOffset.UTC), errors::add);
  }

  private static PaymentGateway.LinkRequest request() {
    return new PaymentGateway.LinkRequest(
        CODE,
        "Cabaña del Lago 10/12-13/12 (3 noches)",
        Money.ars(11_700),
        Instant.parse("2026-11-25T15:30:00Z"),
        "link:AB12CD34:1");
  }

  @Test
  void thePreferenceBodyIsExactlyTheContractsAndTheInitPointIsTheLink() throws Exception {
    reply(201, "{\"id\":\"pref-1\",\"init_point\":\"https://mp/checkout?pref=1\"}");

    PaymentGateway.LinkOutcome outcome = gateway(Optional.empty()).createLink(request());

    assertThat(outcome).isInstanceOf(PaymentGateway.Created.class);
    var link = ((PaymentGateway.Created) outcome).link();
    assertThat(link.url()).isEqualTo("https://mp/checkout?pref=1");
    assertThat(link.providerReference()).isEqualTo("pref-1");
    Seen post = seen.get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/checkout/preferences");
    assertThat(post.idempotencyKey()).isEqualTo("link:AB12CD34:1");
    assertThat(post.auth()).isEqualTo("Bearer TEST-token");
    JsonNode body = json.readTree(post.body());
    assertThat(body)
        .isEqualTo(
            json.readTree(
                """
                {"items":[{"id":"AB12CD34","title":"Cabaña del Lago 10/12-13/12 (3 noches)",
                  "quantity":1,"currency_id":"ARS","unit_price":11700.00}],
                 "external_reference":"AB12CD34",
                 "notification_url":"https://reservas.example.com/api/v1/mercadopago/webhook?source_news=webhooks",
                 "metadata":{"reservation_code":"AB12CD34"},
                 "expires":true,
                 "expiration_date_from":"2026-11-25T12:00:00.000-03:00",
                 "expiration_date_to":"2026-11-25T12:30:00.000-03:00"}
                """));
  }

  @Test
  void backUrlsAndAutoReturnOnlyWithAPublicSite() throws Exception {
    reply(201, "{\"id\":\"pref-1\",\"init_point\":\"https://mp/1\"}");
    gateway(Optional.of("https://reservas.example.com")).createLink(request());

    JsonNode body = json.readTree(seen.get(0).body());
    assertThat(body.path("back_urls").path("success").asText())
        .isEqualTo("https://reservas.example.com/pago/AB12CD34?estado=aprobado");
    assertThat(body.path("back_urls").has("pending")).isTrue();
    assertThat(body.path("back_urls").has("failure")).isTrue();
    assertThat(body.path("auto_return").asText()).isEqualTo("approved");
  }

  @Test
  void fiveHundredsAreRetriedWithTheSameIdempotencyKeyThenSucceed() {
    reply(500, "{}");
    reply(429, "{}");
    reply(201, "{\"id\":\"pref-1\",\"init_point\":\"https://mp/1\"}");

    assertThat(gateway(Optional.empty()).createLink(request()))
        .isInstanceOf(PaymentGateway.Created.class);
    assertThat(seen).hasSize(3).extracting(Seen::idempotencyKey).containsOnly("link:AB12CD34:1");
    assertThat(errors).isEmpty();
  }

  @Test
  void aProviderThatKeepsFailingIsAFailureNotAnExceptionAndOpensTheCircuit() {
    MercadoPagoGateway gateway = gateway(Optional.empty());
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.createLink(request())).isInstanceOf(PaymentGateway.Failed.class);
    }
    int calls = seen.size();
    assertThat(gateway.circuitOpen()).isTrue();
    assertThat(gateway.createLink(request()))
        .isEqualTo(new PaymentGateway.Failed("circuit open: Mercado Pago failed repeatedly"));
    assertThat(seen).hasSize(calls); // refused without a call
    assertThat(errors).hasSize(4).containsOnly(MercadoPagoGateway.CREATE_PREFERENCE);
  }

  @Test
  void aTimeoutIsRetriedAndThenUnavailable() {
    replies.add(new Reply(200, "{}", 30_000));
    replies.add(new Reply(200, "{}", 30_000));
    replies.add(new Reply(200, "{}", 30_000));

    assertThatThrownBy(() -> gateway(Optional.empty()).payment("123"))
        .isInstanceOf(ProviderPayments.Unavailable.class)
        .hasMessageContaining("Timeout");
    assertThat(errors).containsExactly(MercadoPagoGateway.GET_PAYMENT);
  }

  @Test
  void aPaymentIsReadFromTheApiAndAnUnknownOneIsEmpty() {
    reply(
        200,
        """
        {"id":123456789,"status":"approved","status_detail":"accredited",
         "external_reference":"AB12CD34","transaction_amount":11700,"currency_id":"ARS",
         "transaction_amount_refunded":0,"date_approved":"2026-11-25T12:10:00.000-03:00"}
        """);
    reply(404, "{\"message\":\"Payment not found\"}");
    MercadoPagoGateway gateway = gateway(Optional.empty());

    ProviderPayment payment = gateway.payment("123456789").orElseThrow();
    assertThat(payment)
        .isEqualTo(
            new ProviderPayment(
                "123456789",
                PaymentStatus.APPROVED,
                "accredited",
                "AB12CD34",
                Money.ars(11_700),
                Money.ars(0),
                Instant.parse("2026-11-25T15:10:00Z")));
    assertThat(gateway.payment("999")).isEmpty();
    assertThat(seen)
        .extracting(Seen::path)
        .containsExactly("/v1/payments/123456789", "/v1/payments/999");
    assertThat(errors).isEmpty();
  }

  @Test
  void searchByExternalReferenceAndStatusMapping() {
    reply(
        200,
        """
        {"results":[
          {"id":2,"status":"in_process","external_reference":"AB12CD34","transaction_amount":5,"currency_id":"ARS"},
          {"id":1,"status":"charged_back","external_reference":"AB12CD34","transaction_amount":5,"currency_id":"ARS"}]}
        """);

    List<ProviderPayment> found = gateway(Optional.empty()).search(CODE);

    assertThat(found)
        .extracting(ProviderPayment::status)
        .containsExactly(PaymentStatus.IN_PROCESS, PaymentStatus.CHARGED_BACK);
    assertThat(seen.get(0).path())
        .isEqualTo(
            "/v1/payments/search?sort=date_created&criteria=desc&external_reference=AB12CD34");
  }

  @Test
  void aRefundCarriesItsIdempotencyKeyAndAPartialAmount() throws Exception {
    reply(201, "{\"id\":555,\"amount\":1000}");
    reply(400, "{\"message\":\"invalid\"}");
    MercadoPagoGateway gateway = gateway(Optional.empty());

    assertThat(gateway.refund("123", Money.ars(1_000), "refund:123:1"))
        .isEqualTo(new ProviderPayments.Refunded("555", Money.ars(1_000)));
    assertThat(gateway.refund("123", null, "refund:123:full"))
        .isInstanceOf(ProviderPayments.RefundRefused.class)
        .satisfies(r -> assertThat(((ProviderPayments.RefundRefused) r).retryable()).isFalse());
    assertThat(seen.get(0).path()).isEqualTo("/v1/payments/123/refunds");
    assertThat(seen.get(0).idempotencyKey()).isEqualTo("refund:123:1");
    assertThat(json.readTree(seen.get(0).body())).isEqualTo(json.readTree("{\"amount\":1000.00}"));
    assertThat(json.readTree(seen.get(1).body())).isEqualTo(json.readTree("{}"));
  }
}
