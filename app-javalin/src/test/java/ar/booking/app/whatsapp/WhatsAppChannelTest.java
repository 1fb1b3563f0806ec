package ar.booking.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryStores;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The channel end to end on in-memory stores: the real app, the echo handler standing in for the
 * dialog and a real local HTTP server standing in for the Graph API.
 */
class WhatsAppChannelTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String GUEST = "5491155550001";

  private final InMemoryStores stores = InMemoryStores.create();
  private GraphStandIn graph;
  private ChannelApp app;

  @BeforeEach
  void start() {
    graph = new GraphStandIn();
    app = ChannelApp.inMemory(ChannelApp.env(graph), stores);
  }

  private List<EventType> events() {
    return stores.events().stream("guest:" + GUEST).stream().map(DomainEvent::type).toList();
  }

  @AfterEach
  void stop() {
    app.close();
    graph.close();
  }

  private String metrics() throws Exception {
    return app.get("/metrics").body();
  }

  @Test
  void theVerificationChallengeComesBackRawOnBothPaths() throws Exception {
    for (String path : List.of(WhatsAppWebhook.PATH, WhatsAppWebhook.ALIAS)) {
      HttpResponse<String> ok =
          app.get(
              path
                  + "?hub.mode=subscribe&hub.verify_token="
                  + ChannelApp.VERIFY_TOKEN
                  + "&hub.challenge=0123456789");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("0123456789");
      assertThat(ok.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }
    assertThat(
            app.get(
                    WhatsAppWebhook.PATH
                        + "?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            app.get(
                    WhatsAppWebhook.PATH
                        + "?hub.mode=unsubscribe&hub.verify_token="
                        + ChannelApp.VERIFY_TOKEN
                        + "&hub.challenge=1")
                .statusCode())
        .isEqualTo(403);
    assertThat(app.get(WhatsAppWebhook.PATH).statusCode()).isEqualTo(403);
  }

  @Test
  void aMissingOrForgedSignatureIs401AndNothingIsStored() throws Exception {
    String body = Deliveries.text(GUEST, "wamid.forged1", "hola");

    assertThat(app.post(WhatsAppWebhook.PATH, body).statusCode()).isEqualTo(401);
    HttpResponse<String> forged =
        app.post(
            WhatsAppWebhook.ALIAS,
            body,
            "X-Hub-Signature-256",
            Deliveries.sign("not-the-secret", body));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("\"error\":\"invalid_signature\"");
    String tampered = body.replace("hola", "chau");
    assertThat(
            app.post(
                    WhatsAppWebhook.PATH,
                    tampered,
                    "X-Hub-Signature-256",
                    Deliveries.sign(ChannelApp.APP_SECRET, body))
                .statusCode())
        .isEqualTo(401);

    assertThat(app.admin("GET", "/api/v1/admin/conversations/" + GUEST, null).statusCode())
        .isEqualTo(404);
    assertThat(metrics()).contains("whatsapp_webhook_rejected_total{reason=\"signature\"} 3.0");
  }

  @Test
  void malformedJsonWithAValidSignatureIs400() throws Exception {
    HttpResponse<String> r = app.deliver("{\"entry\":[");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"error\":\"invalid_json\"");
    assertThat(app.deliver("[1,2]").statusCode()).isEqualTo(400);
    assertThat(metrics()).contains("whatsapp_webhook_rejected_total{reason=\"malformed\"} 2.0");
  }

  @Test
  void aMessageIsStoredAnsweredAndShownInTheTranscriptWithItsDeliveryState() throws Exception {
    HttpResponse<String> r = app.deliver(Deliveries.text(GUEST, "wamid.in1", "hola 👋 שלום"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"new\":1");

    await().atMost(WAIT).until(() -> graph.to(GUEST).size() == 1);
    GraphStandIn.Request sent = graph.to(GUEST).getFirst();
    assertThat(sent.path()).isEqualTo("/v21.0/106540352242922/messages");
    assertThat(sent.authorization()).isEqualTo("Bearer EAAG-stand-in-token");
    assertThat(sent.text()).isEqualTo("eco: hola 👋 שלום");

    String wamid = "wamid.standin.1";
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(app.admin("GET", "/api/v1/admin/conversations/" + GUEST, null).body())
                    .contains("\"delivery\":\"ACCEPTED\""));
    long now = System.currentTimeMillis() / 1000;
    // Out of order: read first, then a late delivered that must not win.
    assertThat(app.deliver(Deliveries.status(wamid, "read", now + 2, GUEST)).statusCode())
        .isEqualTo(200);
    assertThat(app.deliver(Deliveries.status(wamid, "delivered", now + 1, GUEST)).statusCode())
        .isEqualTo(200);

    String transcript = app.admin("GET", "/api/v1/admin/conversations/" + GUEST, null).body();
    assertThat(transcript)
        .contains("\"direction\":\"in\"")
        .contains("\"text\":\"hola 👋 שלום\"")
        .contains("\"status\":\"PROCESSED\"")
        .contains("\"direction\":\"out\"")
        .contains("\"text\":\"eco: hola 👋 שלום\"")
        .contains("\"provider_message_id\":\"" + wamid + "\"")
        .contains("\"delivery\":\"READ\"");
    assertThat(transcript.indexOf("\"direction\":\"in\""))
        .isLessThan(transcript.indexOf("\"direction\":\"out\""));
    String scrape = metrics();
    assertThat(scrape)
        .contains("whatsapp_messages_received_total{type=\"text\"} 1.0")
        .contains("whatsapp_messages_sent_total{outcome=\"accepted\"} 1.0")
        .contains("whatsapp_reply_latency_seconds_count 1")
        .contains("inbox_lag_seconds")
        .contains("outbox_backlog");
  }

  @Test
  void duplicateDeliveriesAtOnceAreHandledOnce() throws Exception {
    String body = Deliveries.text(GUEST, "wamid.dup1", "quiero reservar");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> app.deliver(body).statusCode());
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    await().atMost(WAIT).until(() -> graph.to(GUEST).size() == 1);
    assertThat(app.deliver(body).body()).contains("\"new\":0");
    // A later message of the same guest is handled after anything left of the first (in order).
    app.deliver(Deliveries.text(GUEST, "wamid.dup2", "gracias"));
    await().atMost(WAIT).until(() -> graph.to(GUEST).size() == 2);
    assertThat(app.handled()).containsExactly("wamid.dup1", "wamid.dup2");
    assertThat(graph.to(GUEST))
        .extracting(GraphStandIn.Request::text)
        .containsExactly("eco: quiero reservar", "eco: gracias");
  }

  @Test
  void aBatchOfAThousandMessagesNearThreeMegabytesIsTakenAndEveryGuestAnswered() throws Exception {
    List<String> messages = new ArrayList<>();
    String filler = "ñ".repeat(1400);
    for (int i = 0; i < 1000; i++) {
      messages.add(Deliveries.textMessage("54911" + (5550000 + i % 50), "wamid.batch" + i, filler));
    }
    String body = Deliveries.envelope(messages, List.of(), "5491155550000");
    assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isGreaterThan(2_500_000)
        .isLessThan(3 * 1024 * 1024);

    HttpResponse<String> r = app.deliver(body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"new\":1000");
    await().atMost(Duration.ofSeconds(60)).until(() -> graph.requests().size() == 1000);

    String tooLarge = body + " ".repeat(400_000);
    HttpResponse<String> big = app.deliver(tooLarge);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(metrics()).contains("whatsapp_webhook_rejected_total{reason=\"too_large\"} 1.0");
  }

  @Test
  void aClosedWindowSendsTheConfiguredTemplate() throws Exception {
    graph.then(400, GraphStandIn.error(131047));
    app.deliver(Deliveries.text(GUEST, "wamid.window1", "¿sigue libre?\nel finde"));

    await().atMost(WAIT).until(() -> graph.to(GUEST).size() == 2);
    GraphStandIn.Request template = graph.to(GUEST).get(1);
    assertThat(template.type()).isEqualTo("template");
    assertThat(template.body().path("template").path("name").asText()).isEqualTo("booking_reply");
    assertThat(template.body().path("template").path("language").path("code").asText())
        .isEqualTo("es_AR");
    assertThat(template.text()).isEqualTo("eco: ¿sigue libre? · el finde");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(metrics())
                    .contains("whatsapp_messages_sent_total{outcome=\"template\"} 1.0"));
  }

  @Test
  void throttlingAndOutagesAreRetriedUntilTheApiAnswers() throws Exception {
    graph.then(400, GraphStandIn.error(130429)).then(500, "{}").then(429, "");
    app.deliver(Deliveries.text(GUEST, "wamid.retry1", "hola"));

    await().atMost(WAIT).until(() -> graph.to(GUEST).size() == 4);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(app.admin("GET", "/api/v1/admin/conversations/" + GUEST, null).body())
                    .contains("\"status\":\"SENT\"")
                    .contains("\"attempts\":4"));
    assertThat(metrics()).contains("whatsapp_messages_sent_total{outcome=\"retried\"} 3.0");
  }

  @Test
  void anUndeliverableReplyIsDeadNeverRetriedAndTheOwnerIsTold() throws Exception {
    graph.then(400, GraphStandIn.error(131026));
    app.deliver(Deliveries.text(GUEST, "wamid.dead1", "hola"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(app.admin("GET", "/api/v1/admin/conversations/" + GUEST, null).body())
                    .contains("\"status\":\"DEAD\"")
                    .contains("code 131026"));
    assertThat(graph.to(GUEST)).hasSize(1);
    assertThat(events()).containsExactly(EventType.MESSAGE_DEAD);
    String health = app.get("/api/v1/healthz").body();
    assertThat(health).contains("\"outbox\":{\"status\":\"down\"");
  }

  @Test
  void aPoisonMessageDiesTheGuestGetsAnApologyAndTheNextMessageIsHandled() throws Exception {
    app.deliver(Deliveries.text(GUEST, "wamid.poison", "veneno"));
    app.deliver(Deliveries.text(GUEST, "wamid.after", "hola"));

    await().atMost(WAIT).until(() -> graph.to(GUEST).size() == 2);
    assertThat(graph.to(GUEST).get(0).text()).startsWith("Perdón, tuvimos un problema");
    assertThat(graph.to(GUEST).get(1).text()).isEqualTo("eco: hola");
    String transcript = app.admin("GET", "/api/v1/admin/conversations/" + GUEST, null).body();
    assertThat(transcript).contains("\"status\":\"DEAD\"").contains("\"attempts\":3");
    assertThat(events()).containsExactly(EventType.MESSAGE_DEAD);
    assertThat(app.get("/api/v1/healthz").body()).contains("\"inbox\":{\"status\":\"down\"");
  }

  @Test
  void theOwnerRepliesThroughTheOutbox() throws Exception {
    HttpResponse<String> bad =
        app.admin("POST", "/api/v1/admin/conversations/" + GUEST + "/reply", "{\"text\":\" \"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    HttpResponse<String> tooLong =
        app.admin(
            "POST",
            "/api/v1/admin/conversations/" + GUEST + "/reply",
            "{\"text\":\"" + "a".repeat(4097) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);

    HttpResponse<String> r =
        app.admin(
            "POST",
            "/api/v1/admin/conversations/" + GUEST + "/reply",
            "{\"text\":\"Hola Ana, soy Marta, la dueña. ¿Te ayudo?\"}");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.body()).contains("\"key\":\"owner:");
    await().atMost(WAIT).until(() -> graph.to(GUEST).size() == 1);
    assertThat(graph.to(GUEST).getFirst().text())
        .isEqualTo("Hola Ana, soy Marta, la dueña. ¿Te ayudo?");
    assertThat(
            app.post("/api/v1/admin/conversations/" + GUEST + "/reply", "{\"text\":\"x\"}")
                .statusCode())
        .as("behind the admin login")
        .isEqualTo(401);
  }

  @Test
  void releasingAHandoffClearsItAndRecordsTheEvent() throws Exception {
    assertThat(
            app.admin("POST", "/api/v1/admin/conversations/" + GUEST + "/release", null)
                .statusCode())
        .isEqualTo(404);
    stores
        .conversations()
        .save(
            new ar.booking.core.conversation.Conversation(
                GUEST,
                "Ana",
                "HANDOFF",
                Map.of(),
                java.time.Instant.now(),
                java.time.Instant.now().plus(Duration.ofHours(24)),
                java.time.Instant.now(),
                0));
    String list = app.admin("GET", "/api/v1/admin/conversations", null).body();
    assertThat(list).contains("\"wa_id\":\"" + GUEST + "\"").contains("\"handoff\":true");

    HttpResponse<String> r =
        app.admin("POST", "/api/v1/admin/conversations/" + GUEST + "/release", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"was_in_handoff\":true");
    assertThat(app.admin("GET", "/api/v1/admin/conversations", null).body())
        .contains("\"handoff\":false");
    assertThat(events()).containsExactly(EventType.HANDOFF_RELEASED);
    assertThat(stores.conversations().find(GUEST).orElseThrow().handoffUntil()).isNull();
  }
}
