package ar.booking.app;

import static ar.booking.app.MercadoPagoFixture.SECRET;
import static ar.booking.app.MercadoPagoFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mercado Pago end to end: the running app on PostgreSQL, a real local HTTP server standing in for
 * Mercado Pago, notifications signed as Mercado Pago signs them. Each test holds its own unit.
 */
class MercadoPagoIT {

  private static MercadoPagoFixture f;
  private static final AtomicLong ids = new AtomicLong(7_000_000_000L);

  @BeforeAll
  static void start() throws Exception {
    f = new MercadoPagoFixture(env -> {});
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static String newId() {
    return Long.toString(ids.incrementAndGet());
  }

  /** A hold with its payment link; returns {code, amount due}. */
  private static String[] linkedHold() throws Exception {
    String code = f.hold(f.unit()).get("code").asText();
    JsonNode link = f.link(code);
    return new String[] {code, link.get("amount").asText()};
  }

  @Test
  void thePaymentLinkIsAPreferenceExactlyPerContractAndIsReusedNotRecreated() throws Exception {
    JsonNode hold = f.hold(f.unit());
    String code = hold.get("code").asText();
    int before = f.mp.preferences.size();

    JsonNode link = f.link(code);
    JsonNode again = f.link(code);

    assertThat(again).isEqualTo(link);
    assertThat(f.mp.preferences).hasSize(before + 1);
    JsonNode body = f.mp.preferences.get(before);
    Instant expires = Instant.parse(hold.get("hold_expires_at").asText());
    assertThat(link.get("url").asText())
        .startsWith("https://www.mercadopago.com.ar/checkout/v1/redirect?pref_id=");
    assertThat(link.get("currency").asText()).isEqualTo("ARS");
    assertThat(Instant.parse(link.get("expires_at").asText())).isEqualTo(expires);
    assertThat(body.get("items")).hasSize(1);
    JsonNode item = body.get("items").get(0);
    assertThat(item.get("id").asText()).isEqualTo(code);
    assertThat(item.get("title").asText()).contains("(3 noches)");
    assertThat(item.get("quantity").asInt()).isEqualTo(1);
    assertThat(item.get("currency_id").asText()).isEqualTo("ARS");
    assertThat(item.get("unit_price").decimalValue())
        .isEqualByComparingTo(link.get("amount").asText());
    assertThat(body.get("external_reference").asText()).isEqualTo(code);
    assertThat(body.get("notification_url").asText())
        .isEqualTo("https://reservas.example.com/api/v1/mercadopago/webhook?source_news=webhooks");
    assertThat(body.get("expires").asBoolean()).isTrue();
    assertThat(body.get("expiration_date_to").asText())
        .isEqualTo(
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .format(expires.atOffset(ZoneOffset.ofHours(-3))))
        .endsWith("-03:00");
    assertThat(OffsetDateTime.parse(body.get("expiration_date_to").asText()).toInstant())
        .isEqualTo(expires);
    assertThat(body.get("back_urls").get("success").asText())
        .startsWith("https://reservas.example.com/pago/" + code);
    assertThat(body.get("auto_return").asText()).isEqualTo("approved");
    assertThat(f.mp.preferenceKeys.get(before)).startsWith("link:" + code);
  }

  @Test
  void signaturesValidWrongMissingOtherSecretCasingAndTimestampUnits() throws Exception {
    String id = newId();
    String ts = f.seconds();
    String ms = String.valueOf(f.clock.instant().toEpochMilli());
    String stale = String.valueOf(f.clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond());

    assertThat(f.notify(id, "payment.created", SECRET, ts, "999").statusCode()).isEqualTo(401);
    assertThat(f.notify(id, "payment.created", null, ts, id).statusCode()).isEqualTo(401);
    assertThat(f.notify(id, "payment.created", "another-secret", ts, id).statusCode())
        .isEqualTo(401);
    assertThat(f.notify(id, "payment.created", SECRET, stale, id).statusCode()).isEqualTo(401);
    HttpResponse<String> refused = f.notify(id, "payment.created", null, ts, id);
    assertThat(json(refused).get("error").asText()).isEqualTo("invalid_signature");
    assertThat(
            f.count("SELECT count(*) FROM payment_notification WHERE provider_payment_id = ?", id))
        .isZero();

    assertThat(f.notify(id, "payment.created", SECRET, ts, id).statusCode()).isEqualTo(200);
    assertThat(f.notify(id, "payment.updated", SECRET, ms, id).statusCode()).isEqualTo(200);
    // an alphanumeric id signed in lower case, and in its own casing
    assertThat(f.notify("AbC123x", "payment.created", SECRET, ts, "abc123x").statusCode())
        .isEqualTo(200);
    assertThat(f.notify("AbC123y", "payment.created", SECRET, ts, "AbC123y").statusCode())
        .isEqualTo(200);
    assertThat(f.notify("AbC123z", "payment.created", SECRET, ts, "ABC123Z").statusCode())
        .isEqualTo(401);
    assertThat(
            f.count("SELECT count(*) FROM payment_notification WHERE provider_payment_id = ?", id))
        .isEqualTo(2);
    // Mercado Pago does not know these: processed and dropped, nothing else stored
    f.process();
    assertThat(f.count("SELECT count(*) FROM payment WHERE provider_payment_id = ?", id)).isZero();
  }

  @Test
  void anApprovedPaymentConfirmsOnceUnderTenConcurrentDuplicates() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "approved", hold[0], hold[1], "ARS");

    List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < 10; i++) {
      deliveries.add(
          () -> {
            go.await();
            return f.notify(id, "payment.created");
          });
    }
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (Callable<HttpResponse<String>> d : deliveries) {
        futures.add(pool.submit(d));
      }
      go.countDown();
      for (Future<HttpResponse<String>> future : futures) {
        statuses.add(future.get().statusCode());
      }
    }
    assertThat(statuses).containsOnly(200);
    assertThat(
            f.count("SELECT count(*) FROM payment_notification WHERE provider_payment_id = ?", id))
        .isEqualTo(1);

    f.process();
    f.notify(id, "payment.created"); // a replay after processing
    f.process();

    JsonNode booking = f.reservation(hold[0]);
    assertThat(booking.get("status").asText()).isEqualTo("confirmed");
    assertThat(booking.get("amount_paid").decimalValue()).isEqualByComparingTo(hold[1]);
    assertThat(booking.get("payments")).hasSize(1);
    assertThat(booking.get("payments").get(0).get("status").asText()).isEqualTo("approved");
    assertThat(f.events(hold[0], "CONFIRMED")).hasSize(1);
    assertThat(f.metrics()).containsPattern("payments_total\\{status=\"approved\"} [1-9]");
    assertThat(f.metrics()).contains("payment_confirmation_seconds_count");
  }

  @Test
  void anUpdatedNotificationBeforeItsCreatedOneEndsTheSame() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "approved", hold[0], hold[1], "ARS");

    f.notify(id, "payment.updated");
    f.process();
    f.notify(id, "payment.created");
    f.process();

    assertThat(f.status(hold[0])).isEqualTo("confirmed");
    assertThat(f.reservation(hold[0]).get("payments")).hasSize(1);
  }

  @Test
  void aShortAmountAndAnotherCurrencyAreRecordedNotConfirmedAndTheOwnerAlerted() throws Exception {
    String[] shortHold = linkedHold();
    String[] usdHold = linkedHold();
    String shortId = newId();
    String usdId = newId();
    f.mp.payment(shortId, "approved", shortHold[0], "100", "ARS");
    f.mp.payment(usdId, "approved", usdHold[0], usdHold[1], "USD");

    f.notify(shortId, "payment.created");
    f.notify(usdId, "payment.created");
    f.process();

    assertThat(f.status(shortHold[0])).isEqualTo("pre_reserved");
    assertThat(f.status(usdHold[0])).isEqualTo("pre_reserved");
    assertThat(f.reservation(shortHold[0]).get("payments")).hasSize(1);
    assertThat(f.reservation(usdHold[0]).get("payments").get(0).get("currency").asText())
        .isEqualTo("USD");
    assertThat(f.events(shortHold[0], "PAYMENT_ANOMALY"))
        .extracting(e -> e.get("kind").asText())
        .containsExactly("short");
    assertThat(f.events(usdHold[0], "PAYMENT_ANOMALY"))
        .extracting(e -> e.get("kind").asText())
        .containsExactly("currency");
  }

  @Test
  void aPendingPaymentExtendsTheHoldOnceAndThenApprovedConfirms() throws Exception {
    String[] hold = linkedHold();
    Instant before = Instant.parse(f.reservation(hold[0]).get("hold_expires_at").asText());
    String id = newId();
    f.mp.payment(id, "pending", hold[0], hold[1], "ARS");

    f.notify(id, "payment.created");
    f.process();
    Instant extended = Instant.parse(f.reservation(hold[0]).get("hold_expires_at").asText());
    assertThat(extended).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(60)));
    assertThat(extended).isAfter(before);
    assertThat(f.events(hold[0], "PAYMENT_PENDING")).hasSize(1);

    f.mp.status(id, "approved");
    f.notify(id, "payment.updated");
    f.process();
    assertThat(f.status(hold[0])).isEqualTo("confirmed");
  }

  @Test
  void aRejectedPaymentTellsTheGuestWithTheLink() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "rejected", hold[0], hold[1], "ARS");

    f.notify(id, "payment.created");
    f.process();

    assertThat(f.status(hold[0])).isEqualTo("pre_reserved");
    assertThat(f.events(hold[0], "PAYMENT_FAILED"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("link").asText()).contains("mercadopago"));
  }

  @Test
  void aRefundIsIdempotentAndTheStoredPaymentShowsIt() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "approved", hold[0], hold[1], "ARS");
    f.notify(id, "payment.created");
    f.process();

    var first =
        TestApps.post(
            f.app, "/api/v1/admin/payments/" + id + "/refund", "{\"amount\": \"1000\"}", f.auth());
    var second =
        TestApps.post(
            f.app, "/api/v1/admin/payments/" + id + "/refund", "{\"amount\": \"1000\"}", f.auth());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(second)).isEqualTo(json(first));
    assertThat(f.mp.refundKeys)
        .filteredOn(k -> k.contains(id))
        .hasSize(2)
        .containsOnly(f.mp.refundKeys.get(f.mp.refundKeys.size() - 1));
    assertThat(f.mp.payment(id).get("transaction_amount_refunded").decimalValue())
        .isEqualByComparingTo("1000");
    JsonNode payment = f.reservation(hold[0]).get("payments").get(0);
    assertThat(payment.get("refunded").decimalValue()).isEqualByComparingTo("1000");

    var unknown = TestApps.post(f.app, "/api/v1/admin/payments/1/refund", "", f.auth());
    assertThat(unknown.statusCode()).isEqualTo(404);
    var tooMuch =
        TestApps.post(
            f.app,
            "/api/v1/admin/payments/" + id + "/refund",
            "{\"amount\": \"99999999\"}",
            f.auth());
    assertThat(tooMuch.statusCode()).isEqualTo(400);
  }

  @Test
  void aChargebackAfterConfirmationIsRecordedFlaggedAndAlertedNotCancelled() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "approved", hold[0], hold[1], "ARS");
    f.notify(id, "payment.created");
    f.process();

    f.mp.status(id, "charged_back");
    f.notify(id, "payment.updated");
    f.process();

    JsonNode booking = f.reservation(hold[0]);
    assertThat(booking.get("status").asText()).isEqualTo("confirmed");
    assertThat(booking.get("payments").get(0).get("status").asText()).isEqualTo("charged_back");
    assertThat(booking.get("payment_flag").asText()).startsWith("charged_back");
    assertThat(f.events(hold[0], "PAYMENT_ANOMALY"))
        .extracting(e -> e.get("kind").asText())
        .containsExactly("charged_back");
    assertThat(f.count("SELECT count(*) FROM payment_flag WHERE reservation_code = ?", hold[0]))
        .isEqualTo(1);
  }

  @Test
  void reconciliationConfirmsABookingWhoseNotificationNeverCame() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "approved", hold[0], hold[1], "ARS");

    assertThat(f.app.mercadoPago().processing().reconcile()).isPositive();

    assertThat(f.status(hold[0])).isEqualTo("confirmed");
    assertThat(
            f.count("SELECT count(*) FROM payment_notification WHERE provider_payment_id = ?", id))
        .isZero();
  }

  @Test
  void anUnknownReferenceIsStoredAsAnOrphanAndAlerted() throws Exception {
    String id = newId();
    f.mp.payment(id, "approved", "ZZZZZZZZ", "5000", "ARS");
    f.notify(id, "payment.created");
    f.process();

    assertThat(
            f.count(
                "SELECT count(*) FROM payment WHERE provider_payment_id = ? AND reservation_code IS NULL",
                id))
        .isEqualTo(1);
    assertThat(f.events("payment:MERCADO_PAGO:" + id, "PAYMENT_ANOMALY"))
        .extracting(e -> e.get("kind").asText())
        .containsExactly("orphan");
    assertThat(f.metrics()).containsPattern("payments_orphan_total(\\{[^}]*})? [1-9]");
  }

  @Test
  void mercadoPagoDownWhileProcessingLeavesTheNotificationDueAndItRecovers() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "approved", hold[0], hold[1], "ARS");
    f.mp.failWith = 500;
    try {
      assertThat(f.notify(id, "payment.created").statusCode()).isEqualTo(200); // answered anyway
      f.process();
      assertThat(f.status(hold[0])).isEqualTo("pre_reserved");
      assertThat(
              f.count(
                  "SELECT count(*) FROM payment_notification WHERE provider_payment_id = ?"
                      + " AND processed_at IS NULL AND last_error IS NOT NULL",
                  id))
          .isEqualTo(1);
      assertThat(f.metrics())
          .containsPattern("mercadopago_api_errors_total\\{operation=\"get_payment\"} [1-9]");
    } finally {
      f.mp.failWith = 0;
    }
    // the breaker may be open for a while; the retry is due later anyway
    f.clock.advance(Duration.ofSeconds(40));
    f.process();
    assertThat(f.status(hold[0])).isEqualTo("confirmed");
  }

  @Test
  void aLegacyIpnIsOnlyAHintToReadThePayment() throws Exception {
    String[] hold = linkedHold();
    String id = newId();
    f.mp.payment(id, "approved", hold[0], hold[1], "ARS");

    var ipn = TestApps.post(f.app, "/api/v1/mercadopago/webhook?topic=payment&id=" + id, "");
    assertThat(ipn.statusCode()).isEqualTo(200);
    var junk =
        TestApps.post(f.app, "/api/v1/webhooks/mercadopago?topic=payment&id=not-a-number", "");
    assertThat(junk.statusCode()).isEqualTo(200);
    f.process();

    assertThat(f.status(hold[0])).isEqualTo("confirmed");
  }

  @Test
  void aMalformedBodyWithAValidSignatureIs400AndNothingIsStored() throws Exception {
    String id = newId();
    String ts = f.seconds();
    String requestId = "req-" + id;
    String signature =
        "ts="
            + ts
            + ",v1="
            + ar.booking.payments.mercadopago.WebhookSignature.sign(
                SECRET,
                ar.booking.payments.mercadopago.WebhookSignature.manifest(id, requestId, ts));
    var response =
        TestApps.post(
            f.app,
            "/api/v1/webhooks/mercadopago?data.id=" + id + "&type=payment",
            "{not json",
            "x-signature",
            signature,
            "x-request-id",
            requestId);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(
            f.count("SELECT count(*) FROM payment_notification WHERE provider_payment_id = ?", id))
        .isZero();
  }
}
