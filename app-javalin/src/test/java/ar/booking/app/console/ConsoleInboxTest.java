package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.console.ConsoleServer.Browser;
import ar.booking.app.console.ConsoleServer.Page;
import ar.booking.core.conversation.Conversation;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.QueuedMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbox over HTTP on the real app: order, transcript, escaping, answer, release, CSRF. */
class ConsoleInboxTest {

  static final String MARKUP = "<script>alert(1)</script>";

  final ConsoleServer server = new ConsoleServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private void guest(String waId, String name, String text, boolean handoff) {
    var at = server.clock.instant();
    server
        .stores
        .inbox()
        .store(InboundMessage.text("wamid." + waId, waId, name, text, at), "{}", at);
    server
        .stores
        .conversations()
        .save(
            new Conversation(
                waId,
                name,
                handoff ? "HANDOFF" : "NEW",
                Map.of(),
                at,
                handoff ? at.plus(Duration.ofHours(12)) : null,
                at,
                0));
    server.clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void guestsWaitingForAHumanComeFirstThenTheLatest() {
    guest("5491100000001", "Waiting Wanda", "quiero hablar con alguien", true);
    guest("5491100000002", "Later Luis", "hola", false);
    Browser browser = server.browser().logIn();

    String body = browser.get("/admin/inbox").body();

    assertThat(body.indexOf("Waiting Wanda")).isPositive().isLessThan(body.indexOf("Later Luis"));
    assertThat(body).contains("Espera respuesta", "/admin/inbox/5491100000001");
  }

  @Test
  void aGuestNameAndMessageWithMarkupAreShownAsText() {
    guest("5491100000003", MARKUP, "<img src=x onerror=alert(2)>", true);
    Browser browser = server.browser().logIn();

    for (String path : List.of("/admin/inbox", "/admin/inbox/5491100000003")) {
      String body = browser.get(path).body();
      assertThat(body).as(path).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
      assertThat(body).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  }

  @Test
  void theOwnerAnswersThroughTheOutboxAndReleasesTheHandoff() {
    guest("5491100000004", "Ana", "¿tienen cuna?", true);
    Browser browser = server.browser().logIn();

    Page page = browser.get("/admin/inbox/5491100000004");
    assertThat(page.body()).contains("¿tienen cuna?", "Responder", "Devolver al bot");

    Page answered =
        browser.post(
            "/admin/inbox/5491100000004/reply", "_csrf", browser.csrf(), "text", "Sí, tenemos.");
    assertThat(answered.status()).isEqualTo(303);
    assertThat(answered.header("Location")).isEqualTo("/admin/inbox/5491100000004?notice=replied");
    List<QueuedMessage> sent = server.stores.outbox().toRecipient("5491100000004", 10);
    assertThat(sent).extracting(m -> m.message().content().plainText()).contains("Sí, tenemos.");
    assertThat(browser.get("/admin/inbox/5491100000004").body()).contains("Sí, tenemos.");

    Page released = browser.post("/admin/inbox/5491100000004/release", "_csrf", browser.csrf());
    assertThat(released.status()).isEqualTo(303);
    assertThat(
            server
                .stores
                .conversations()
                .find("5491100000004")
                .orElseThrow()
                .inHandoff(server.clock.instant()))
        .isFalse();
  }

  @Test
  void answerAndReleaseWithoutTheCsrfTokenAreRefused() {
    guest("5491100000005", "Beto", "hola", true);
    Browser browser = server.browser().logIn();

    Page reply = browser.post("/admin/inbox/5491100000005/reply", "text", "sin token");
    Page release = browser.post("/admin/inbox/5491100000005/release", "_csrf", "not-the-token");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(release.status()).isEqualTo(403);
    assertThat(server.stores.outbox().toRecipient("5491100000005", 10)).isEmpty();
    assertThat(
            server
                .stores
                .conversations()
                .find("5491100000005")
                .orElseThrow()
                .inHandoff(server.clock.instant()))
        .isTrue();
  }

  @Test
  void anEmptyAnswerIsRefusedWithAMessage() {
    guest("5491100000006", "Caro", "hola", true);
    Browser browser = server.browser().logIn();

    Page empty =
        browser.post("/admin/inbox/5491100000006/reply", "_csrf", browser.csrf(), "text", " ");

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("Escribí una respuesta.");
    assertThat(browser.get("/admin/inbox/5491100000099").status()).isEqualTo(404);
  }
}
