package ar.booking.payments.mercadopago;

import ar.booking.core.payment.PaymentGateway;
import ar.booking.core.payment.PaymentLink;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.ProviderPayment;
import ar.booking.core.payment.ProviderPayments;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mercado Pago's REST API: Checkout Pro preferences ({@link PaymentGateway}), payment lookup,
 * search and refunds ({@link ProviderPayments}). Every call is bounded by the request timeout,
 * retried with a doubling backoff on a timeout, a 5xx or a 429, and guarded by a circuit breaker so
 * Mercado Pago being down costs a fast failure, never a blocked caller. Thread-safe.
 */
public final class MercadoPagoGateway implements PaymentGateway, ProviderPayments {

  private static final Logger log = LoggerFactory.getLogger(MercadoPagoGateway.class);

  /** The expiry format Mercado Pago documents: milliseconds and the offset. */
  static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  /** Operation names, as in {@code mercadopago_api_errors_total{operation}}. */
  public static final String CREATE_PREFERENCE = "create_preference";

  public static final String GET_PAYMENT = "get_payment";
  public static final String SEARCH_PAYMENTS = "search_payments";
  public static final String REFUND = "refund";

  private final MercadoPagoSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final Consumer<String> errors;

  /**
   * @param errors told the operation name of every failed call (for a metric)
   */
  public MercadoPagoGateway(MercadoPagoSettings settings, Clock clock, Consumer<String> errors) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.breaker =
        new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpen(), Clock.systemUTC());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Whether the circuit is open (Mercado Pago failed repeatedly a moment ago). */
  public boolean circuitOpen() {
    return breaker.isOpen();
  }

  // ---- PaymentGateway -------------------------------------------------------------------------

  @Override
  public LinkOutcome createLink(LinkRequest request) {
    String body;
    try {
      body = json.writeValueAsString(preference(request));
    } catch (IOException e) {
      return new Failed("cannot write the preference: " + e.getMessage());
    }
    Answer answer =
        call(
            CREATE_PREFERENCE,
            post("/checkout/preferences", body)
                .header("X-Idempotency-Key", request.idempotencyKey()));
    if (!answer.ok()) {
      return new Failed(answer.describe());
    }
    JsonNode node = answer.json();
    String url = text(node, "init_point");
    if (url == null) {
      errors.accept(CREATE_PREFERENCE);
      return new Failed("the preference came back without an init_point");
    }
    return new Created(
        new PaymentLink(
            request.code(), url, request.amount(), request.expiresAt(), text(node, "id")));
  }

  /** The preference body, exactly as contracts.md §2 describes it. */
  ObjectNode preference(LinkRequest request) {
    String code = request.code().value();
    ObjectNode body = json.createObjectNode();
    ArrayNode items = body.putArray("items");
    ObjectNode item = items.addObject();
    item.put("id", code);
    item.put("title", request.title());
    item.put("quantity", 1);
    item.put("currency_id", request.amount().currency().getCurrencyCode());
    item.put("unit_price", request.amount().amount());
    body.put("external_reference", code);
    body.put("notification_url", settings.notificationUrl());
    body.putObject("metadata").put("reservation_code", code);
    settings
        .backUrlBase()
        .ifPresent(
            base -> {
              ObjectNode back = body.putObject("back_urls");
              back.put("success", base + "/pago/" + code + "?estado=aprobado");
              back.put("pending", base + "/pago/" + code + "?estado=pendiente");
              back.put("failure", base + "/pago/" + code + "?estado=rechazado");
              body.put("auto_return", "approved");
            });
    body.put("expires", true);
    body.put("expiration_date_from", EXPIRY.format(clock.instant().atOffset(settings.offset())));
    body.put("expiration_date_to", EXPIRY.format(request.expiresAt().atOffset(settings.offset())));
    return body;
  }

  // ---- ProviderPayments -----------------------------------------------------------------------

  @Override
  public Optional<ProviderPayment> payment(String providerPaymentId) {
    String id = URLEncoder.encode(providerPaymentId.strip(), StandardCharsets.UTF_8);
    Answer answer = call(GET_PAYMENT, get("/v1/payments/" + id));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (!answer.ok()) {
      throw new Unavailable(
          "Mercado Pago payment " + providerPaymentId + ": " + answer.describe(), null);
    }
    return Optional.of(read(answer.json()));
  }

  @Override
  public List<ProviderPayment> search(ReservationCode code) {
    String query =
        "/v1/payments/search?sort=date_created&criteria=desc&external_reference="
            + URLEncoder.encode(code.value(), StandardCharsets.UTF_8);
    Answer answer = call(SEARCH_PAYMENTS, get(query));
    if (!answer.ok()) {
      throw new Unavailable("Mercado Pago search for " + code + ": " + answer.describe(), null);
    }
    List<ProviderPayment> found = new ArrayList<>();
    for (JsonNode result : answer.json().path("results")) {
      found.add(read(result));
    }
    return found;
  }

  @Override
  public RefundOutcome refund(String providerPaymentId, Money amount, String idempotencyKey) {
    ObjectNode body = json.createObjectNode();
    if (amount != null) {
      body.put("amount", amount.amount());
    }
    String id = URLEncoder.encode(providerPaymentId.strip(), StandardCharsets.UTF_8);
    Answer answer =
        call(
            REFUND,
            post("/v1/payments/" + id + "/refunds", body.toString())
                .header("X-Idempotency-Key", idempotencyKey));
    if (!answer.ok()) {
      return new RefundRefused(
          answer.describe(),
          answer.status() == 0 || answer.status() >= 500 || answer.status() == 429);
    }
    JsonNode node = answer.json();
    BigDecimal refunded = node.path("amount").decimalValue();
    Currency currency = amount != null ? amount.currency() : Money.ARS;
    return new Refunded(text(node, "id"), new Money(refunded, currency));
  }

  /** A payment as Mercado Pago returns it. */
  static ProviderPayment read(JsonNode node) {
    Currency currency = Currency.getInstance(node.path("currency_id").asText("ARS"));
    Money amount = new Money(node.path("transaction_amount").decimalValue(), currency);
    BigDecimal refundedAmount = node.path("transaction_amount_refunded").decimalValue();
    Money refunded = new Money(refundedAmount.min(amount.amount()), currency);
    PaymentStatus status = status(node.path("status").asText(""));
    if (status == PaymentStatus.REFUNDED) {
      refunded = amount;
    }
    return new ProviderPayment(
        node.path("id").asText(),
        status,
        text(node, "status_detail"),
        text(node, "external_reference"),
        amount,
        refunded,
        instant(text(node, "date_approved")));
  }

  static PaymentStatus status(String mp) {
    return switch (mp.toLowerCase(Locale.ROOT)) {
      case "approved" -> PaymentStatus.APPROVED;
      // A disputed payment stays paid until the dispute ends (then charged_back or approved).
      case "in_mediation" -> PaymentStatus.APPROVED;
      case "pending" -> PaymentStatus.PENDING;
      case "rejected" -> PaymentStatus.REJECTED;
      case "cancelled" -> PaymentStatus.CANCELLED;
      case "refunded" -> PaymentStatus.REFUNDED;
      case "charged_back" -> PaymentStatus.CHARGED_BACK;
      default -> PaymentStatus.IN_PROCESS; // authorized, in_process and anything new
    };
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder post(String path, String body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(settings.apiBaseUrl() + path))
        .timeout(settings.requestTimeout())
        .header("Authorization", "Bearer " + settings.accessToken())
        .header("Accept", "application/json");
  }

  /** What came back: a status (0 when nothing came back) and the body. */
  private record Answer(int status, String body, JsonNode json, String error) {
    boolean ok() {
      return status >= 200 && status < 300 && json != null;
    }

    String describe() {
      if (error != null) {
        return error;
      }
      String text = body == null ? "" : body;
      return "HTTP "
          + status
          + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(300, text.length())));
    }
  }

  private Answer call(String operation, HttpRequest.Builder builder) {
    if (!breaker.allows()) {
      errors.accept(operation);
      return new Answer(0, null, null, "circuit open: Mercado Pago failed repeatedly");
    }
    HttpRequest request = builder.build();
    Answer last = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        pause(attempt);
      }
      last = once(request);
      boolean retryable = last.status() == 0 || last.status() >= 500 || last.status() == 429;
      if (!retryable) {
        break;
      }
      log.warn("Mercado Pago {} attempt {} failed: {}", operation, attempt, last.describe());
    }
    boolean failed = last.status() == 0 || last.status() >= 500 || last.status() == 429;
    if (failed) {
      breaker.failed();
    } else {
      breaker.succeeded();
    }
    if (!last.ok() && last.status() != 404) {
      errors.accept(operation);
    }
    return last;
  }

  private Answer once(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode node = null;
      String body = response.body();
      if (body != null && !body.isBlank()) {
        try {
          node = json.readTree(body);
        } catch (IOException malformed) {
          return new Answer(
              response.statusCode() >= 500 ? response.statusCode() : 502,
              body,
              null,
              "malformed JSON from Mercado Pago");
        }
      }
      return new Answer(response.statusCode(), body, node, null);
    } catch (IOException e) {
      return new Answer(0, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, null, "interrupted");
    }
  }

  private void pause(int attempt) {
    long base = settings.backoff().toNanos() << Math.min(attempt - 2, 10);
    long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
    LockSupport.parkNanos(base + jitter);
  }

  /** The backoff before {@code attempt} (2 = the first retry), without jitter. */
  Duration backoffBefore(int attempt) {
    return settings.backoff().multipliedBy(1L << Math.min(attempt - 2, 10));
  }
}
