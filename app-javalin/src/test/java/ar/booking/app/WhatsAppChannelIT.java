package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.app.whatsapp.ChannelApp;
import ar.booking.app.whatsapp.Deliveries;
import ar.booking.app.whatsapp.GraphStandIn;
import ar.booking.app.whatsapp.OutboxDispatcher;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp channel on real PostgreSQL with a real local HTTP server standing in for the Graph
 * API: outages on either side, restarts with work left half done, two instances sharing the load.
 * The dialog is stood in for by the echo handler (the channel's own contract).
 */
class WhatsAppChannelIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private GraphStandIn graph;
  private PostgresSettings database;
  private Map<String, String> env;
  private final List<ChannelApp> apps = new ArrayList<>();
  private final List<String> handled = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    graph = new GraphStandIn();
    database = TestDatabases.freshDatabase();
    env = ChannelApp.env(graph);
    env.put("DATABASE_URL", TestApps.databaseUrl(database));
    env.put("DB_POOL_SIZE", "8");
  }

  @AfterEach
  void stop() throws Exception {
    allowConnections(true);
    apps.forEach(ChannelApp::close);
    graph.close();
  }

  private ChannelApp app() {
    ChannelApp app = ChannelApp.fromConfig(env, handled);
    apps.add(app);
    return app;
  }

  private String databaseName() {
    String url = database.jdbcUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private void allowConnections(boolean allow) throws Exception {
    try (Connection c = TestDatabases.connect(TestDatabases.server());
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + databaseName() + " ALLOW_CONNECTIONS " + allow);
      if (!allow) {
        s.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + databaseName()
                + "' AND pid <> pg_backend_pid()");
      }
    }
  }

  @Test
  void aMessageIsStoredOnceHandledAndAnsweredWithDeliveryStates() throws Exception {
    ChannelApp app = app();
    String body = Deliveries.text("5491155550001", "wamid.pg1", "hola! del 5 al 8 de enero?");
    assertThat(app.deliver(body).statusCode()).isEqualTo(200);
    assertThat(app.deliver(body).body()).contains("\"new\":0");

    await().atMost(WAIT).until(() -> graph.to("5491155550001").size() == 1);
    long now = System.currentTimeMillis() / 1000;
    app.deliver(Deliveries.status("wamid.standin.1", "read", now + 5, "5491155550001"));
    app.deliver(Deliveries.status("wamid.standin.1", "delivered", now + 3, "5491155550001"));
    String transcript = app.admin("GET", "/api/v1/admin/conversations/5491155550001", null).body();
    assertThat(transcript)
        .contains("\"status\":\"PROCESSED\"")
        .contains("\"status\":\"SENT\"")
        .contains("\"delivery\":\"READ\"");
    assertThat(handled).containsExactly("wamid.pg1");
  }

  @Test
  void theDatabaseDownIs503SoMetaDeliversAgainAndNothingIsLost() throws Exception {
    ChannelApp app = app();
    allowConnections(false);
    String body = Deliveries.text("5491155550002", "wamid.down1", "hola");
    HttpResponse<String> refused = app.deliver(body);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();

    allowConnections(true);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> app.deliver(body).statusCode() == 200);
    await().atMost(WAIT).until(() -> graph.to("5491155550002").size() == 1);
    assertThat(app.get("/metrics").body())
        .contains("whatsapp_webhook_rejected_total{reason=\"storage\"}");
  }

  @Test
  void repliesWaitInTheOutboxWhileTheGraphApiIsDownAndGoOutWhenItAnswers() throws Exception {
    ChannelApp app =
        ChannelApp.fromConfig(
            env,
            handled,
            new OutboxDispatcher.Settings(
                100,
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofMillis(100),
                4));
    apps.add(app);
    graph.always(500, "{\"error\":{\"message\":\"down\",\"code\":2}}");
    app.deliver(Deliveries.text("5491155550003", "wamid.gdown1", "uno"));
    app.deliver(Deliveries.text("5491155550003", "wamid.gdown2", "dos"));

    await().atMost(WAIT).until(() -> graph.to("5491155550003").size() >= 3);
    assertThat(graph.to("5491155550003"))
        .as("the first reply is retried; the second waits behind it")
        .allMatch(r -> r.text().equals("eco: uno"));
    graph.always(null, null);

    await()
        .atMost(WAIT)
        .until(
            () ->
                graph.to("5491155550003").stream()
                    .map(GraphStandIn.Request::text)
                    .anyMatch("eco: dos"::equals));
    List<String> texts =
        graph.to("5491155550003").stream().map(GraphStandIn.Request::text).distinct().toList();
    assertThat(texts).containsExactly("eco: uno", "eco: dos");
  }

  @Test
  void afterACrashEveryStoredMessageIsHandledOnceAndEveryReplySent() throws Exception {
    Instant now = Instant.now();
    try (PostgresStores stores = PostgresStores.start(database)) {
      for (int i = 1; i <= 3; i++) {
        stores
            .inbox()
            .store(
                InboundMessage.text("wamid.crash" + i, "5491155550004", "Ana", "m" + i, now),
                "{}",
                now);
      }
      // The crashed instance had claimed the first message and a reply: leased, never finished.
      assertThat(stores.inbox().claim(now, now.plusSeconds(2), 10)).hasSize(1);
      stores
          .outbox()
          .enqueue(
              OutboundMessage.whatsapp(
                  "reply:wamid.earlier:1",
                  "5491155550005",
                  new MessageContent.Text("pendiente 1"),
                  "reply",
                  now));
      stores
          .outbox()
          .enqueue(
              OutboundMessage.whatsapp(
                  "reply:wamid.earlier:2",
                  "5491155550005",
                  new MessageContent.Text("pendiente 2"),
                  "reply",
                  now));
      assertThat(stores.outbox().claim(MessageChannel.WHATSAPP, now, now.plusSeconds(2), 10))
          .hasSize(1);
    }

    app();

    await().atMost(WAIT).until(() -> graph.to("5491155550004").size() == 3);
    await().atMost(WAIT).until(() -> graph.to("5491155550005").size() == 2);
    assertThat(handled).containsExactly("wamid.crash1", "wamid.crash2", "wamid.crash3");
    assertThat(graph.to("5491155550004"))
        .extracting(GraphStandIn.Request::text)
        .containsExactly("eco: m1", "eco: m2", "eco: m3");
    assertThat(graph.to("5491155550005"))
        .extracting(GraphStandIn.Request::text)
        .containsExactly("pendiente 1", "pendiente 2");
  }

  @Test
  void twoInstancesShareTheWorkAndKeepEachGuestsOrder() throws Exception {
    ChannelApp first = app();
    ChannelApp second = app();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id = "wamid.race" + i;
      ids.add(id);
      ChannelApp target = i % 2 == 0 ? first : second;
      assertThat(target.deliver(Deliveries.text("5491155550006", id, "mensaje " + i)).statusCode())
          .isEqualTo(200);
      // The same delivery reaches the other instance too (Meta retried it).
      (i % 2 == 0 ? second : first).deliver(Deliveries.text("5491155550006", id, "mensaje " + i));
    }

    await().atMost(WAIT).until(() -> graph.to("5491155550006").size() == 20);
    assertThat(handled).containsExactlyElementsOf(ids);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("eco: mensaje " + i);
    }
    assertThat(graph.to("5491155550006"))
        .extracting(GraphStandIn.Request::text)
        .containsExactlyElementsOf(expected);
  }
}
