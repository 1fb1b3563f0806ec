package ar.booking.messaging.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.messaging.DeliveryState;
import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.InboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookParserTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-30T12:00:00Z");
  private final WebhookParser parser = new WebhookParser();

  static byte[] fixture(String name) {
    try (InputStream in = WebhookParserTest.class.getResourceAsStream("/whatsapp/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTextMessageWithTheSendersName() {
    WebhookDelivery d = parser.parse(fixture("text.json"), RECEIVED);

    assertThat(d.statuses()).isEmpty();
    assertThat(d.skipped()).isZero();
    assertThat(d.messages()).hasSize(1);
    InboundMessage m = d.messages().getFirst().message();
    assertThat(m)
        .isEqualTo(
            InboundMessage.text(
                "wamid.HBgNNTQ5MTE1NTU1MDAwMRUCABIYFjNFQjBDMEZFNTk3QjQ2ODI0NTFCAA==",
                "5491155550001",
                "María José Núñez 🌵",
                "hola! tienen algo del 5 al 8 de enero para 2 adultos y un nene?",
                Instant.ofEpochSecond(1764504000)));
    assertThat(d.messages().getFirst().raw()).contains("\"id\":\"wamid.HBgN").contains("5 al 8");
  }

  @Test
  void everyEntryChangeAndMessageOfABatchInOrder() {
    WebhookDelivery d = parser.parse(fixture("batch.json"), RECEIVED);

    List<InboundMessage> m = d.messages().stream().map(WebhookDelivery.Received::message).toList();
    assertThat(m)
        .extracting(InboundMessage::messageId)
        .containsExactly(
            "wamid.b1",
            "wamid.b2",
            "wamid.b3",
            "wamid.c1",
            "wamid.c2",
            "wamid.c3",
            "wamid.c4",
            "wamid.c5",
            "wamid.c6",
            "wamid.c7",
            "wamid.d1",
            "wamid.d2");
    assertThat(m)
        .extracting(InboundMessage::kind)
        .containsExactly(
            InboundKind.CHOICE,
            InboundKind.CHOICE,
            InboundKind.AUDIO,
            InboundKind.IMAGE,
            InboundKind.STICKER,
            InboundKind.LOCATION,
            InboundKind.REACTION,
            InboundKind.OTHER,
            InboundKind.OTHER,
            InboundKind.DOCUMENT,
            InboundKind.TEXT,
            InboundKind.CHOICE);
    assertThat(m.get(0).choiceId()).isEqualTo("menu:availability");
    assertThat(m.get(0).text()).isEqualTo("Consultar");
    assertThat(m.get(0).senderName()).isEqualTo("Ana");
    assertThat(m.get(1).choiceId()).isEqualTo("offer:7f3a");
    assertThat(m.get(1).senderName()).isEqualTo("Bruno");
    assertThat(m.get(2).media())
        .isEqualTo(
            new InboundMessage.MediaRef(
                "1034567890123456",
                "audio/ogg; codecs=opus",
                "k3rZ1YkS2dEo0n3i2g0sL8bPp0N0wqkqfvJtP2W0mZ8=",
                true));
    assertThat(m.get(3).text()).isEqualTo("así es la vista?");
    assertThat(m.get(5).text()).isEqualTo("Bariloche, Centro Cívico");
    assertThat(m.get(6).text()).isEqualTo("👍");
    assertThat(m.get(10).text()).isEqualTo("שלום, יש מקום? 🙏");
    assertThat(m.get(10).senderName()).isEqualTo("שרה");
    assertThat(m.get(11).choiceId()).isEqualTo("template:confirm");
    assertThat(m.get(11).sentAt()).isEqualTo(Instant.ofEpochSecond(1764504012));
  }

  @Test
  void statusesInTheOrderTheyCameWithErrors() {
    WebhookDelivery d = parser.parse(fixture("statuses.json"), RECEIVED);

    assertThat(d.messages()).isEmpty();
    assertThat(d.statuses())
        .containsExactly(
            new WebhookDelivery.StatusReport(
                "wamid.out1",
                DeliveryState.READ,
                Instant.ofEpochSecond(1764504103),
                "5491155550001",
                null),
            new WebhookDelivery.StatusReport(
                "wamid.out1",
                DeliveryState.DELIVERED,
                Instant.ofEpochSecond(1764504102),
                "5491155550001",
                null),
            new WebhookDelivery.StatusReport(
                "wamid.out2",
                DeliveryState.FAILED,
                Instant.ofEpochSecond(1764504104),
                "5491155550002",
                "131026 Message undeliverable"),
            new WebhookDelivery.StatusReport(
                "wamid.out3",
                DeliveryState.PLAYED,
                Instant.ofEpochSecond(1764504105),
                "5491155550002",
                null));
    assertThat(d.skipped()).as("the unknown 'deleted' status").isEqualTo(1);
  }

  @Test
  void oddButValidShapesNeverThrow() {
    WebhookDelivery d = parser.parse(fixture("odd.json"), RECEIVED);

    assertThat(d.messages())
        .extracting(r -> r.message().messageId())
        .containsExactly("wamid.numericFrom", "wamid.badTime", "wamid.noType");
    InboundMessage numeric = d.messages().get(0).message();
    assertThat(numeric.from()).isEqualTo("5491155550009");
    assertThat(numeric.kind()).isEqualTo(InboundKind.TEXT);
    assertThat(numeric.text()).isEmpty();
    assertThat(numeric.sentAt()).isEqualTo(Instant.ofEpochSecond(1764504000));
    assertThat(d.messages().get(1).message().sentAt()).isEqualTo(RECEIVED);
    assertThat(d.messages().get(1).message().kind()).isEqualTo(InboundKind.OTHER);
    assertThat(d.messages().get(2).message().kind()).isEqualTo(InboundKind.OTHER);
    assertThat(d.skipped()).as("a message without sender, a status without id").isEqualTo(2);

    for (String json :
        List.of("{}", "{\"entry\":null}", "{\"entry\":{}}", "{\"entry\":[1,\"x\"]}")) {
      WebhookDelivery empty = parser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
      assertThat(empty.messages()).isEmpty();
      assertThat(empty.statuses()).isEmpty();
    }
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsMalformed() {
    for (String body : List.of("", "not json", "{\"entry\":[", "[]", "42", "null", "{} {}")) {
      assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), RECEIVED))
          .as(body)
          .isInstanceOf(MalformedWebhook.class);
    }
  }

  @Test
  void aFourThousandCharacterMessageIsKeptWhole() {
    String body = "ñ".repeat(4096);
    String json =
        "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"1\",\"id\":\"w\","
            + "\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\""
            + body
            + "\"}}]}}]}]}";
    WebhookDelivery d = parser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    assertThat(d.messages().getFirst().message().text()).isEqualTo(body);
  }
}
