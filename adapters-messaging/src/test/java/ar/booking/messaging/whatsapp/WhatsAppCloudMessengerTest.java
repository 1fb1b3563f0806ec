package ar.booking.messaging.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.MessageContent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real local HTTP server standing in for the Graph API. */
class WhatsAppCloudMessengerTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Deque<int[]> statuses = new ArrayDeque<>();
  private final Deque<String> bodies = new ArrayDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;
  private WhatsAppCloudMessenger messenger;

  record Recorded(String method, String path, String authorization, JsonNode body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] in = exchange.getRequestBody().readAllBytes();
          requests.add(
              new Recorded(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  json.readTree(in)));
          int[] status;
          String body;
          synchronized (statuses) {
            status = statuses.isEmpty() ? new int[] {200} : statuses.poll();
            body =
                bodies.isEmpty()
                    ? "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.OK"
                        + requests.size()
                        + "\"}]}"
                    : bodies.poll();
          }
          if (status[0] == 0) {
            awaitQuietly();
            status = new int[] {200};
          }
          byte[] out = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status[0], out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        });
    server.start();
    messenger =
        new WhatsAppCloudMessenger(
            new WhatsAppCloudMessenger.Settings(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0/",
                "106540352242922",
                "token-abc",
                Duration.ofMillis(500)));
  }

  private void awaitQuietly() {
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void answer(int status, String body) {
    synchronized (statuses) {
      statuses.add(new int[] {status});
      bodies.add(body);
    }
  }

  private static String error(int code) {
    return "{\"error\":{\"message\":\"(#"
        + code
        + ") something\",\"type\":\"OAuthException\",\"code\":"
        + code
        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"detail "
        + code
        + "\"},\"fbtrace_id\":\"AbCdEf\"}}";
  }

  @Test
  void aTextIsPostedWithTheBearerTokenAndItsWamidComesBack() {
    WhatsAppMessenger.SendOutcome outcome =
        messenger.send("5491155550001", new MessageContent.Text("Hola 👋, pagá acá https://x.y"));

    assertThat(outcome).isEqualTo(new WhatsAppMessenger.Accepted("wamid.OK1"));
    Recorded r = requests.getFirst();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v21.0/106540352242922/messages");
    assertThat(r.authorization()).isEqualTo("Bearer token-abc");
    assertThat(r.body().path("messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(r.body().path("recipient_type").asText()).isEqualTo("individual");
    assertThat(r.body().path("to").asText()).isEqualTo("5491155550001");
    assertThat(r.body().path("type").asText()).isEqualTo("text");
    assertThat(r.body().path("text").path("body").asText())
        .isEqualTo("Hola 👋, pagá acá https://x.y");
    assertThat(r.body().path("text").path("preview_url").asBoolean()).isTrue();
  }

  @Test
  void buttonsStayWithinWhatsAppsLimits() {
    messenger.send(
        "5491155550001",
        new MessageContent.Buttons(
            "x".repeat(2000),
            "f".repeat(100),
            List.of(
                Choice.of("a", "Consultar disponibilidad"),
                Choice.of("b", "Consultar disponibilidad"),
                Choice.of("c", "Mis reservas"))));

    JsonNode interactive = requests.getFirst().body().path("interactive");
    assertThat(interactive.path("type").asText()).isEqualTo("button");
    assertThat(interactive.path("body").path("text").asText()).hasSize(1024).endsWith("…");
    assertThat(interactive.path("footer").path("text").asText()).hasSize(60);
    JsonNode buttons = interactive.path("action").path("buttons");
    assertThat(buttons).hasSize(3);
    List<String> titles =
        IntStream.range(0, 3)
            .mapToObj(i -> buttons.get(i).path("reply").path("title").asText())
            .toList();
    assertThat(titles).doesNotHaveDuplicates().allMatch(t -> t.length() <= 20);
    assertThat(titles.get(2)).isEqualTo("Mis reservas");
    assertThat(buttons.get(0).path("type").asText()).isEqualTo("reply");
    assertThat(buttons.get(0).path("reply").path("id").asText()).isEqualTo("a");
  }

  @Test
  void aListHasOneSectionOfAtMostTenRows() {
    List<Choice> rows =
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    new Choice(
                        "offer:" + i, "Departamento con vista al lago " + i, "d".repeat(100)))
            .toList();
    messenger.send(
        "5491155550001", new MessageContent.ChoiceList("Elegí", "Ver todas las opciones", rows));

    JsonNode interactive = requests.getFirst().body().path("interactive");
    assertThat(interactive.path("type").asText()).isEqualTo("list");
    JsonNode action = interactive.path("action");
    assertThat(action.path("button").asText()).hasSizeLessThanOrEqualTo(20);
    JsonNode list = action.path("sections").get(0).path("rows");
    assertThat(list).hasSize(10);
    assertThat(list.get(0).path("id").asText()).isEqualTo("offer:0");
    assertThat(list.get(0).path("title").asText()).hasSizeLessThanOrEqualTo(24);
    assertThat(list.get(0).path("description").asText()).hasSize(72);
  }

  @Test
  void aTemplateInSpanishWithTheTextAsItsOneParameter() {
    WhatsAppMessenger.SendOutcome outcome =
        messenger.sendTemplate("5491155550001", "booking_reply", "Hola\n\nTu reserva\tR-1   lista");

    assertThat(outcome).isInstanceOf(WhatsAppMessenger.Accepted.class);
    JsonNode template = requests.getFirst().body().path("template");
    assertThat(requests.getFirst().body().path("type").asText()).isEqualTo("template");
    assertThat(template.path("name").asText()).isEqualTo("booking_reply");
    assertThat(template.path("language").path("code").asText()).isEqualTo("es_AR");
    JsonNode parameter = template.path("components").get(0).path("parameters").get(0);
    assertThat(template.path("components").get(0).path("type").asText()).isEqualTo("body");
    assertThat(parameter.path("type").asText()).isEqualTo("text");
    assertThat(parameter.path("text").asText()).isEqualTo("Hola · Tu reserva R-1 lista");
  }

  @Test
  void errorsAreClassifiedOnMetasCode() {
    for (int code : List.of(130429, 131056, 80007, 4)) {
      answer(400, error(code));
      assertThat(messenger.send("1", new MessageContent.Text("x")))
          .as("code " + code)
          .isInstanceOf(WhatsAppMessenger.TryLater.class);
    }
    answer(400, error(131047));
    assertThat(messenger.send("1", new MessageContent.Text("x")))
        .isInstanceOf(WhatsAppMessenger.WindowClosed.class);
    for (int code : List.of(131026, 131048, 100)) {
      answer(400, error(code));
      WhatsAppMessenger.SendOutcome refused = messenger.send("1", new MessageContent.Text("x"));
      assertThat(refused).as("code " + code).isInstanceOf(WhatsAppMessenger.Refused.class);
      assertThat(((WhatsAppMessenger.Refused) refused).error())
          .contains("code " + code)
          .contains("detail " + code);
    }
    answer(500, "<html>oops</html>");
    assertThat(messenger.send("1", new MessageContent.Text("x")))
        .isInstanceOf(WhatsAppMessenger.TryLater.class);
    answer(429, "");
    assertThat(messenger.send("1", new MessageContent.Text("x")))
        .isInstanceOf(WhatsAppMessenger.TryLater.class);
    answer(200, "{\"messages\":[]}");
    assertThat(messenger.send("1", new MessageContent.Text("x")))
        .as("accepted without an id is not proof of acceptance")
        .isInstanceOf(WhatsAppMessenger.TryLater.class);
  }

  @Test
  void aSlowOrUnreachableApiMeansTryLater() {
    answer(0, "");
    WhatsAppMessenger.SendOutcome slow = messenger.send("1", new MessageContent.Text("x"));
    assertThat(slow).isInstanceOf(WhatsAppMessenger.TryLater.class);
    assertThat(((WhatsAppMessenger.TryLater) slow).error()).contains("timeout");

    server.stop(0);
    assertThat(messenger.send("1", new MessageContent.Text("x")))
        .isInstanceOf(WhatsAppMessenger.TryLater.class);
  }
}
