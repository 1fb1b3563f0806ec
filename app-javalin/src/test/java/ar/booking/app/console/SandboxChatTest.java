package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.console.ConsoleServer.Browser;
import ar.booking.app.console.ConsoleServer.Page;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.QueuedMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The developer's sandbox over HTTP on the real app with its loops running: absent outside
 * development, and in development a guest's message goes through the signed webhook, the inbox and
 * the dialog, and the bot's answer shows in the chat.
 */
class SandboxChatTest {

  static final String GUEST = "5492944000077";

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void theSandboxDoesNotExistInTestMode() {
    try (ConsoleServer server = new ConsoleServer()) {
      Browser browser = server.browser();
      assertThat(browser.get("/sandbox").status()).isEqualTo(404);
      assertThat(browser.get("/sandbox/chat").status()).isEqualTo(404);
      assertThat(browser.post("/sandbox/send", "wa_id", GUEST, "text", "hola").status())
          .isEqualTo(404);
      assertThat(server.stores.inbox().fromGuest(GUEST, 5)).isEmpty();
    }
  }

  @Test
  void aGuestsMessageIsASignedWebhookDeliveryAndTheBotsAnswerShows() {
    try (ConsoleServer server =
        new ConsoleServer(
            Map.of(
                "ENVIRONMENT", "development",
                "WHATSAPP_APP_SECRET", "sandbox-app-secret-0123456789abcdef"))) {
      Browser browser = server.browser();
      Page page = browser.get("/sandbox");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.body()).contains("Sandbox de WhatsApp", "hx-trigger=\"every 1s\"");

      Page sent =
          browser.post(
              "/sandbox/send", "wa_id", GUEST, "name", "<script>alert(1)</script>", "text", "hola");

      // Signed with the secret: the webhook (which refuses unsigned deliveries) took it.
      assertThat(sent.status()).isEqualTo(303);
      assertThat(sent.header("Location")).doesNotContain("error=");
      assertThat(server.stores.inbox().fromGuest(GUEST, 5))
          .singleElement()
          .satisfies(m -> assertThat(m.message().text()).isEqualTo("hola"));
      await(() -> !server.stores.outbox().toRecipient(GUEST, 5).isEmpty(), "the bot's answer");
      List<QueuedMessage> answers = server.stores.outbox().toRecipient(GUEST, 5);
      String chat = browser.get("/sandbox/chat?wa_id=" + GUEST).body();
      assertThat(chat).contains("from-bot", "from-guest", "hola");
      var first = answers.getFirst().message().content();
      assertThat(first).isInstanceOf(MessageContent.Buttons.class);
      for (var choice : ((MessageContent.Buttons) first).choices()) {
        assertThat(chat).contains("value=\"" + choice.id() + "\"", choice.title());
      }
      // The guest's name (with markup) is greeted back as text.
      assertThat(chat).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
      assertThat(chat).doesNotContain("<script>alert");
      assertThat(browser.get("/sandbox?wa_id=" + GUEST + "&name=%3Cscript%3E").body())
          .doesNotContain("<script>alert")
          .contains("&lt;script&gt;");
    }
  }

  @Test
  void linksInAnswersAreClickableAndTheMercadoPagoSandboxStaysOnThisApp() {
    assertThat(SandboxChat.parts("Pagá acá: http://localhost:8080/sandbox/pay/ABC123 gracias"))
        .containsExactly(
            new SandboxChat.Part("Pagá acá: ", null),
            new SandboxChat.Part("http://localhost:8080/sandbox/pay/ABC123", "/sandbox/pay/ABC123"),
            new SandboxChat.Part(" gracias", null));
    assertThat(SandboxChat.parts("https://example.com/x"))
        .containsExactly(new SandboxChat.Part("https://example.com/x", "https://example.com/x"));
  }
}
