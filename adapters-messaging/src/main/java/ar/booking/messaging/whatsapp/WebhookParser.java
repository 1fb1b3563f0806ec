package ar.booking.messaging.whatsapp;

import ar.booking.core.messaging.DeliveryState;
import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.InboundMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a WhatsApp Cloud API webhook body: every entry, every change, every message and every
 * status (a delivery can batch many). Odd but valid JSON (missing arrays, unknown message types,
 * numbers where strings were expected) never throws: unknown types become {@link
 * InboundKind#OTHER}, updates without an id or sender are counted as skipped. Only a body that is
 * not a JSON object throws {@link MalformedWebhook}. Thread-safe.
 */
public final class WebhookParser {

  private final ObjectMapper json =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  public WebhookParser() {
    json.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(4_000_000).build());
  }

  /**
   * Parses {@code body}; {@code receivedAt} stands in for a missing or unreadable timestamp.
   *
   * @throws MalformedWebhook when the body is not a JSON object
   */
  public WebhookDelivery parse(byte[] body, Instant receivedAt) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedWebhook("the body is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedWebhook("the body cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedWebhook("the body is not a JSON object", null);
    }
    List<WebhookDelivery.Received> messages = new ArrayList<>();
    List<WebhookDelivery.StatusReport> statuses = new ArrayList<>();
    int skipped = 0;
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        JsonNode value = change.path("value");
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
          String waId = text(contact, "wa_id");
          if (waId != null) {
            names.put(waId, text(contact.path("profile"), "name"));
          }
        }
        for (JsonNode m : value.path("messages")) {
          InboundMessage message = message(m, names, receivedAt);
          if (message == null) {
            skipped++;
          } else {
            messages.add(new WebhookDelivery.Received(message, m.toString()));
          }
        }
        for (JsonNode s : value.path("statuses")) {
          WebhookDelivery.StatusReport report = status(s, receivedAt);
          if (report == null) {
            skipped++;
          } else {
            statuses.add(report);
          }
        }
      }
    }
    return new WebhookDelivery(messages, statuses, skipped);
  }

  private static InboundMessage message(JsonNode m, Map<String, String> names, Instant fallback) {
    String id = text(m, "id");
    String from = text(m, "from");
    if (id == null || from == null) {
      return null;
    }
    String type = text(m, "type");
    type = type == null ? "" : type.toLowerCase(Locale.ROOT);
    String name = names.get(from);
    Instant at = timestamp(m, fallback);
    JsonNode body = m.path(type);
    return switch (type) {
      case "text" -> textMessage(id, from, name, text(body, "body"), at);
      case "interactive" -> interactive(id, from, name, body, at);
      case "button" -> choiceOrText(id, from, name, text(body, "payload"), text(body, "text"), at);
      case "audio", "voice" ->
          new InboundMessage(id, from, name, InboundKind.AUDIO, null, null, media(body), at);
      case "image", "video" ->
          new InboundMessage(
              id, from, name, InboundKind.IMAGE, text(body, "caption"), null, media(body), at);
      case "document" ->
          new InboundMessage(
              id, from, name, InboundKind.DOCUMENT, text(body, "caption"), null, media(body), at);
      case "sticker" ->
          new InboundMessage(id, from, name, InboundKind.STICKER, null, null, media(body), at);
      case "location" ->
          new InboundMessage(id, from, name, InboundKind.LOCATION, location(body), null, null, at);
      case "reaction" ->
          new InboundMessage(
              id, from, name, InboundKind.REACTION, text(body, "emoji"), null, null, at);
      default -> new InboundMessage(id, from, name, InboundKind.OTHER, null, null, null, at);
    };
  }

  private static InboundMessage textMessage(
      String id, String from, String name, String body, Instant at) {
    return new InboundMessage(
        id, from, name, InboundKind.TEXT, body == null ? "" : body, null, null, at);
  }

  private static InboundMessage interactive(
      String id, String from, String name, JsonNode body, Instant at) {
    String kind = text(body, "type");
    JsonNode reply = body.path(kind == null ? "button_reply" : kind);
    if (reply.isMissingNode()) {
      reply =
          body.path("button_reply").isMissingNode()
              ? body.path("list_reply")
              : body.path("button_reply");
    }
    return choiceOrText(id, from, name, text(reply, "id"), text(reply, "title"), at);
  }

  private static InboundMessage choiceOrText(
      String id, String from, String name, String choiceId, String title, Instant at) {
    if (choiceId == null) {
      return new InboundMessage(id, from, name, InboundKind.OTHER, title, null, null, at);
    }
    return new InboundMessage(id, from, name, InboundKind.CHOICE, title, choiceId, null, at);
  }

  private static InboundMessage.MediaRef media(JsonNode body) {
    String mediaId = text(body, "id");
    if (mediaId == null) {
      return null;
    }
    return new InboundMessage.MediaRef(
        mediaId,
        text(body, "mime_type"),
        text(body, "sha256"),
        body.path("voice").asBoolean(false));
  }

  private static String location(JsonNode body) {
    String name = text(body, "name");
    String address = text(body, "address");
    if (name != null || address != null) {
      return String.join(
          ", ", java.util.stream.Stream.of(name, address).filter(s -> s != null).toList());
    }
    JsonNode lat = body.path("latitude");
    JsonNode lon = body.path("longitude");
    return lat.isMissingNode() || lon.isMissingNode() ? null : lat.asText() + "," + lon.asText();
  }

  private static WebhookDelivery.StatusReport status(JsonNode s, Instant fallback) {
    String id = text(s, "id");
    String status = text(s, "status");
    if (id == null || status == null) {
      return null;
    }
    DeliveryState state =
        switch (status.toLowerCase(Locale.ROOT)) {
          case "sent" -> DeliveryState.SENT;
          case "delivered" -> DeliveryState.DELIVERED;
          case "read" -> DeliveryState.READ;
          case "played" -> DeliveryState.PLAYED;
          case "failed" -> DeliveryState.FAILED;
          default -> null;
        };
    if (state == null) {
      return null;
    }
    String error = null;
    JsonNode first = s.path("errors").path(0);
    if (!first.isMissingNode()) {
      String code = text(first, "code");
      String title = text(first, "title");
      if (title == null) {
        title = text(first, "message");
      }
      error = (code == null ? "" : code + " ") + (title == null ? "" : title);
      error = error.isBlank() ? "failed" : error.strip();
    }
    return new WebhookDelivery.StatusReport(
        id, state, timestamp(s, fallback), text(s, "recipient_id"), error);
  }

  private static Instant timestamp(JsonNode node, Instant fallback) {
    JsonNode ts = node.path("timestamp");
    if (ts.isNumber()) {
      return Instant.ofEpochSecond(ts.asLong());
    }
    if (ts.isTextual()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(ts.asText().strip()));
      } catch (NumberFormatException | java.time.DateTimeException notSeconds) {
        return fallback;
      }
    }
    return fallback;
  }

  /** A field as text (numbers too); null when missing, null or blank. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }
}
