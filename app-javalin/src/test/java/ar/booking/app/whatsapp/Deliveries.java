package ar.booking.app.whatsapp;

import ar.booking.messaging.whatsapp.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Webhook bodies in Meta's shape, and their signatures. */
public final class Deliveries {

  private Deliveries() {}

  /** One text message. */
  public static String text(String from, String id, String body) {
    return envelope(List.of(textMessage(from, id, body)), List.of(), from);
  }

  /** The JSON of one text message object. */
  public static String textMessage(String from, String id, String body) {
    return "{\"from\":\""
        + from
        + "\",\"id\":\""
        + id
        + "\",\"timestamp\":\""
        + (System.currentTimeMillis() / 1000)
        + "\",\"type\":\"text\",\"text\":{\"body\":\""
        + escape(body)
        + "\"}}";
  }

  /** A reply button (or list row) the guest picked. */
  public static String choice(String from, String id, String choiceId, String title) {
    String m =
        "{\"from\":\""
            + from
            + "\",\"id\":\""
            + id
            + "\",\"timestamp\":\""
            + (System.currentTimeMillis() / 1000)
            + "\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\","
            + "\"button_reply\":{\"id\":\""
            + escape(choiceId)
            + "\",\"title\":\""
            + escape(title)
            + "\"}}}";
    return envelope(List.of(m), List.of(), from);
  }

  /** A delivery report about a message we sent. */
  public static String status(String wamid, String status, long epochSeconds, String recipient) {
    String s =
        "{\"id\":\""
            + wamid
            + "\",\"status\":\""
            + status
            + "\",\"timestamp\":\""
            + epochSeconds
            + "\",\"recipient_id\":\""
            + recipient
            + "\"}";
    return envelope(List.of(), List.of(s), recipient);
  }

  /** An envelope with the given message and status objects in one change. */
  public static String envelope(List<String> messages, List<String> statuses, String contact) {
    List<String> parts = new ArrayList<>();
    parts.add("\"messaging_product\":\"whatsapp\"");
    parts.add(
        "\"metadata\":{\"display_phone_number\":\"5492944123456\","
            + "\"phone_number_id\":\"106540352242922\"}");
    parts.add(
        "\"contacts\":[{\"profile\":{\"name\":\"Ana Núñez\"},\"wa_id\":\"" + contact + "\"}]");
    if (!messages.isEmpty()) {
      parts.add("\"messages\":[" + String.join(",", messages) + "]");
    }
    if (!statuses.isEmpty()) {
      parts.add("\"statuses\":[" + String.join(",", statuses) + "]");
    }
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"value\":{"
        + String.join(",", parts)
        + "},\"field\":\"messages\"}]}]}";
  }

  public static String sign(String secret, String body) {
    return new WebhookSignature(secret).sign(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
