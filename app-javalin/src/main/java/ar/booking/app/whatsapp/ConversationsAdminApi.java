package ar.booking.app.whatsapp;

import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.conversation.Conversation;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.conversation.dialog.ReleaseConversation;
import ar.booking.core.conversation.dialog.ReplyAsOwner;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.messaging.StoredInbound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The owner's side of the conversations, under {@code /api/v1/admin/conversations} (behind the
 * admin login): the latest conversations, one guest's transcript in both directions with delivery
 * states, the owner's reply through the outbox and releasing a handoff so the bot answers again.
 */
public final class ConversationsAdminApi implements RouteGroup {

  public static final String PREFIX = "/api/v1/admin/conversations";
  private static final int TRANSCRIPT = 200;

  private final Conversations conversations;
  private final Inbox inbox;
  private final Outbox outbox;
  private final ReleaseConversation release;
  private final ReplyAsOwner ownerReply;
  private final Clock clock;
  private final ObjectMapper json;
  private final Runnable queued;

  public ConversationsAdminApi(
      Conversations conversations,
      Inbox inbox,
      Outbox outbox,
      ReleaseConversation release,
      ReplyAsOwner ownerReply,
      Clock clock,
      ObjectMapper json,
      Runnable queued) {
    this.conversations = conversations;
    this.inbox = inbox;
    this.outbox = outbox;
    this.release = release;
    this.ownerReply = ownerReply;
    this.clock = clock;
    this.json = json;
    this.queued = queued;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PREFIX, this::list);
    routes.get(PREFIX + "/{wa_id}", this::transcript);
    routes.post(PREFIX + "/{wa_id}/reply", this::reply);
    routes.post(PREFIX + "/{wa_id}/release", this::release);
  }

  private void list(Context ctx) {
    Actors.current(ctx);
    int limit = limit(ctx);
    Instant now = clock.instant();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Conversation c : conversations.latest(limit)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("wa_id", c.guestId());
      item.put("guest_name", c.guestName());
      item.put("state", c.state());
      item.put("handoff", c.inHandoff(now));
      item.put("handoff_until", c.inHandoff(now) ? c.handoffUntil().toString() : null);
      item.put("last_inbound_at", str(c.lastInboundAt()));
      item.put("updated_at", str(c.updatedAt()));
      item.put("last_message", lastMessage(c.guestId()));
      items.add(item);
    }
    ctx.json(Map.of("conversations", items));
  }

  private Map<String, Object> lastMessage(String guest) {
    List<Map<String, Object>> both = new ArrayList<>();
    inbox.fromGuest(guest, 1).forEach(m -> both.add(inbound(m)));
    outbox.toRecipient(guest, 1).forEach(m -> both.add(outbound(m)));
    return both.stream().max(Comparator.comparing(m -> (Instant) m.get("at"))).orElse(null);
  }

  private void transcript(Context ctx) {
    Actors.current(ctx);
    String guest = guest(ctx);
    java.util.Optional<Conversation> conversation = conversations.find(guest);
    List<Map<String, Object>> messages = new ArrayList<>();
    inbox.fromGuest(guest, TRANSCRIPT).forEach(m -> messages.add(inbound(m)));
    outbox.toRecipient(guest, TRANSCRIPT).forEach(m -> messages.add(outbound(m)));
    if (conversation.isEmpty() && messages.isEmpty()) {
      throw ApiException.notFound("No conversation with " + guest + ".");
    }
    messages.sort(Comparator.comparing(m -> (Instant) m.get("at")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("wa_id", guest);
    Instant now = clock.instant();
    conversation.ifPresent(
        c -> {
          body.put("guest_name", c.guestName());
          body.put("state", c.state());
          body.put("handoff", c.inHandoff(now));
          body.put("handoff_until", c.inHandoff(now) ? c.handoffUntil().toString() : null);
          body.put("version", c.version());
        });
    body.put("messages", messages);
    ctx.json(body);
  }

  private void reply(Context ctx) {
    String actor = Actors.current(ctx);
    String guest = guest(ctx);
    String text;
    try {
      JsonNode body = json.readTree(ctx.body());
      JsonNode value = body == null ? null : body.get("text");
      text = value == null || !value.isTextual() ? null : value.asText().strip();
    } catch (java.io.IOException e) {
      throw new ApiException(400, "invalid_json", "The request body must be a JSON object.");
    }
    String key =
        switch (ownerReply.reply(guest, text)) {
          case ReplyAsOwner.Queued q -> q.key();
          case ReplyAsOwner.Rejected rejected ->
              throw new ApiException(
                  400, "invalid_request", rejected.reason(), Map.of("field", "text"));
        };
    queued.run();
    ctx.status(202).json(Map.of("key", key, "wa_id", guest, "status", "PENDING", "actor", actor));
  }

  private void release(Context ctx) {
    String actor = Actors.current(ctx);
    String guest = guest(ctx);
    boolean wasInHandoff =
        switch (release.release(guest, actor)) {
          case ReleaseConversation.Released released -> true;
          case ReleaseConversation.NotInHandoff notInHandoff -> false;
          case ReleaseConversation.NotFound notFound ->
              throw ApiException.notFound("No conversation with " + guest + ".");
        };
    ctx.json(Map.of("wa_id", guest, "released", true, "was_in_handoff", wasInHandoff));
  }

  private static String guest(Context ctx) {
    String id = ctx.pathParam("wa_id").strip();
    if (!id.matches("[0-9A-Za-z._+-]{3,64}")) {
      throw new ApiException(400, "invalid_request", "wa_id is not a WhatsApp id");
    }
    return id;
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return 50;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= 1 && n <= 500) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new ApiException(400, "invalid_request", "limit must be between 1 and 500");
  }

  private static Map<String, Object> inbound(StoredInbound m) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("direction", "in");
    item.put("at", m.receivedAt());
    item.put("id", m.message().messageId());
    item.put("kind", m.message().kind().name().toLowerCase(Locale.ROOT));
    item.put("text", m.message().text());
    item.put("choice_id", m.message().choiceId());
    item.put("transcript", m.transcript());
    item.put("status", m.status().name());
    item.put("attempts", m.attempts());
    item.put("error", m.lastError());
    return item;
  }

  private static Map<String, Object> outbound(QueuedMessage m) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("direction", "out");
    item.put("at", m.message().createdAt());
    item.put("key", m.message().key());
    item.put("purpose", m.message().purpose());
    item.put("text", m.message().content().plainText());
    item.put("status", m.status().name());
    item.put("attempts", m.attempts());
    item.put("provider_message_id", m.providerMessageId());
    item.put("delivery", m.delivery() == null ? null : m.delivery().name());
    item.put("delivery_at", str(m.deliveryAt()));
    item.put("sent_at", str(m.sentAt()));
    item.put("error", m.lastError());
    return item;
  }

  private static String str(Instant at) {
    return at == null ? null : at.toString();
  }
}
