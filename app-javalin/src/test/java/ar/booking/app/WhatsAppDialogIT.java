package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.app.config.Config;
import ar.booking.app.whatsapp.ChannelApp;
import ar.booking.app.whatsapp.Deliveries;
import ar.booking.app.whatsapp.GraphStandIn;
import ar.booking.core.testing.Fixtures;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole conversations through the real app: the signed webhook, the inbox worker running the
 * Spanish dialog on real PostgreSQL, the outbox dispatcher posting to a real local HTTP server
 * standing in for the Graph API.
 */
class WhatsAppDialogIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient client = HttpClient.newHttpClient();
  private static final AtomicInteger ids = new AtomicInteger();

  private GraphStandIn graph;
  private BookingApp app;

  @BeforeEach
  void start() {
    graph = new GraphStandIn();
    PostgresSettings database = TestDatabases.freshDatabase();
    try (PostgresStores stores = PostgresStores.start(database)) {
      Fixtures.addCabin(stores.accommodations(), "Cabaña del Lago");
    }
    Map<String, String> env = ChannelApp.env(graph);
    env.put("DATABASE_URL", TestApps.databaseUrl(database));
    env.put("BASE_URL", "https://reservas.example.com");
    app =
        BookingApp.create(Config.from(env), Clock.systemUTC())
            .withWhatsAppSettings(ChannelApp.FAST_INBOX, ChannelApp.FAST_OUTBOX)
            .start(0);
  }

  @AfterEach
  void stop() {
    app.stop();
    graph.close();
  }

  private int deliver(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/api/v1/whatsapp/webhook"))
            .header("X-Hub-Signature-256", Deliveries.sign(ChannelApp.APP_SECRET, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** Sends a text and waits for the reply count of that guest to reach {@code replies}. */
  private GraphStandIn.Request says(String guest, String text, int replies) throws Exception {
    assertThat(deliver(Deliveries.text(guest, "wamid.dialog" + ids.incrementAndGet(), text)))
        .isEqualTo(200);
    await().atMost(WAIT).until(() -> graph.to(guest).size() >= replies);
    return graph.to(guest).get(replies - 1);
  }

  private static JsonNode firstButton(GraphStandIn.Request offers) {
    JsonNode action = offers.body().path("interactive").path("action");
    return action.has("buttons")
        ? action.path("buttons").get(0).path("reply")
        : action.path("sections").get(0).path("rows").get(0);
  }

  @Test
  void fromHolaToAHoldWithItsPaymentLink() throws Exception {
    String ana = "5492944111111";
    String hola = Deliveries.text(ana, "wamid.hola1", "hola!");
    assertThat(deliver(hola)).isEqualTo(200);
    assertThat(deliver(hola)).as("Meta delivers it again").isEqualTo(200);
    await().atMost(WAIT).until(() -> graph.to(ana).size() == 1);
    GraphStandIn.Request welcome = graph.to(ana).getFirst();
    assertThat(welcome.type()).isEqualTo("interactive");
    assertThat(welcome.text()).contains("Hola");

    GraphStandIn.Request offers = says(ana, "tienen algo del 5 al 8 de enero para 2 adultos?", 2);
    assertThat(offers.text())
        .contains("Entrada")
        .contains("3 noches, 2 personas")
        .contains("Cabaña del Lago");
    JsonNode option = firstButton(offers);
    assertThat(option.path("id").asText()).startsWith("offer:");

    assertThat(
            deliver(
                Deliveries.choice(
                    ana, "wamid.pick1", option.path("id").asText(), option.path("title").asText())))
        .isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(() -> graph.to(ana).stream().anyMatch(r -> r.text().contains("Código de reserva")));
    String held =
        graph.to(ana).stream()
            .map(GraphStandIn.Request::text)
            .filter(t -> t.contains("Código de reserva"))
            .findFirst()
            .orElseThrow();
    assertThat(held)
        .contains("Total:")
        .contains("Seña para confirmar:")
        .contains("https://reservas.example.com/sandbox/pay/");
    assertThat(graph.to(ana)).hasSize(3);
  }

  @Test
  void twoGuestsRacingForTheSameNightsGetOneHoldAndTheOtherAnAlternative() throws Exception {
    String ana = "5492944111112";
    String bruno = "5492944111113";
    GraphStandIn.Request anaOffers = says(ana, "del 5 al 8 de enero, 2 personas", 1);
    GraphStandIn.Request brunoOffers = says(bruno, "del 5 al 8 de enero, 2 personas", 1);
    JsonNode a = firstButton(anaOffers);
    JsonNode b = firstButton(brunoOffers);

    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () ->
                quietly(
                    Deliveries.choice(
                        ana, "wamid.raceA", a.path("id").asText(), a.path("title").asText())));
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(
            () ->
                quietly(
                    Deliveries.choice(
                        bruno, "wamid.raceB", b.path("id").asText(), b.path("title").asText())));
    assertThat(List.of(first.get(), second.get())).containsOnly(200);

    await().atMost(WAIT).until(() -> graph.to(ana).size() >= 2 && graph.to(bruno).size() >= 2);
    List<String> answers = List.of(graph.to(ana).get(1).text(), graph.to(bruno).get(1).text());
    assertThat(answers).filteredOn(t -> t.contains("Código de reserva")).hasSize(1);
    assertThat(answers)
        .filteredOn(t -> !t.contains("Código de reserva"))
        .singleElement()
        .satisfies(t -> assertThat(t).doesNotContain("error").contains("reservar"));
  }

  private int quietly(String body) {
    try {
      return deliver(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void handoffSilencesTheBotTheOwnerAnswersAndReleasingBringsItBack() throws Exception {
    String carla = "5492944111114";
    GraphStandIn.Request handoff = says(carla, "quiero hablar con una persona", 1);
    assertThat(handoff.text()).contains("le aviso a una persona");

    assertThat(deliver(Deliveries.text(carla, "wamid.silent1", "hola? alguien?"))).isEqualTo(200);
    String token = TestApps.login(app);
    String[] auth = {"Authorization", "Bearer " + token};
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(TestApps.get(app, "/api/v1/admin/conversations/" + carla, auth).body())
                    .contains("\"text\":\"hola? alguien?\"")
                    .contains("\"handoff\":true")
                    .as("both messages handled")
                    .containsPattern("(?s)PROCESSED.*PROCESSED"));
    assertThat(graph.to(carla)).as("the bot stays silent").hasSize(1);
    assertThat(TestApps.get(app, "/api/v1/admin/conversations", auth).body())
        .contains("\"wa_id\":\"" + carla + "\"")
        .contains("\"handoff\":true");

    HttpResponse<String> reply =
        TestApps.post(
            app,
            "/api/v1/admin/conversations/" + carla + "/reply",
            "{\"text\":\"Hola Carla, soy Marta. ¿En qué te ayudo?\"}",
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            "application/json");
    assertThat(reply.statusCode()).isEqualTo(202);
    await().atMost(WAIT).until(() -> graph.to(carla).size() == 2);
    assertThat(graph.to(carla).get(1).text()).isEqualTo("Hola Carla, soy Marta. ¿En qué te ayudo?");

    HttpResponse<String> released =
        TestApps.post(app, "/api/v1/admin/conversations/" + carla + "/release", "", auth);
    assertThat(released.statusCode()).isEqualTo(200);
    assertThat(released.body()).contains("\"was_in_handoff\":true");
    GraphStandIn.Request back = says(carla, "tienen lugar del 5 al 8 de enero para 2?", 3);
    assertThat(back.text()).contains("Cabaña del Lago");
  }
}
