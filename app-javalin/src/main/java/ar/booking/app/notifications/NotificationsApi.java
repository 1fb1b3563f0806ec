package ar.booking.app.notifications;

import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.notification.AlertKind;
import ar.booking.core.notification.AlertPolicy;
import ar.booking.core.notification.AlertPreferences;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The owner's view of notifications: {@code GET /api/v1/admin/notifications} (what was sent to
 * whom, when, its status and failures, newest first, from the outbox; {@code ?status=} pending,
 * sent or dead), {@code POST /api/v1/admin/notifications/{id}/resend} for a dead one, and {@code
 * GET/PUT /api/v1/admin/settings/alerts} (where alerts go and which kinds are muted, overriding the
 * environment's defaults).
 */
public final class NotificationsApi implements RouteGroup {

  public static final String PATH = "/api/v1/admin/notifications";
  public static final String ALERTS_PATH = "/api/v1/admin/settings/alerts";

  private final Outbox outbox;
  private final AlertPolicy policy;
  private final Clock clock;

  public NotificationsApi(Outbox outbox, AlertPolicy policy, Clock clock) {
    this.outbox = outbox;
    this.policy = policy;
    this.clock = clock;
  }

  /** The body of {@code PUT /settings/alerts}. */
  public record AlertsRequest(List<String> whatsapp, List<String> emails, List<String> muted) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, authenticated(this::list));
    routes.post(PATH + "/{id}/resend", authenticated(this::resend));
    routes.get(ALERTS_PATH, authenticated(ctx -> ctx.json(alerts())));
    routes.put(ALERTS_PATH, authenticated(this::saveAlerts));
  }

  /** Defence in depth: refuses a request that reached the handler without an actor. */
  private static Handler authenticated(Handler handler) {
    return ctx -> {
      Actors.current(ctx);
      handler.handle(ctx);
    };
  }

  private void list(Context ctx) {
    int limit = limit(ctx.queryParam("limit"));
    String wanted = ctx.queryParam("status");
    List<OutboxStatus> statuses =
        wanted == null || wanted.isBlank()
            ? List.of(OutboxStatus.values())
            : List.of(status(wanted));
    List<QueuedMessage> items = new ArrayList<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (OutboxStatus status : statuses) {
      items.addAll(outbox.inStatus(status, limit));
      totals.put(status.name().toLowerCase(Locale.ROOT), outbox.count(status));
    }
    items.sort(
        Comparator.comparing((QueuedMessage m) -> m.message().createdAt())
            .thenComparingLong(QueuedMessage::id)
            .reversed());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("totals", totals);
    body.put("items", items.stream().limit(limit).map(NotificationsApi::view).toList());
    ctx.json(body);
  }

  private void resend(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("The notification id must be a number.");
    }
    if (!outbox.resend(id, clock.instant())) {
      throw ApiException.notFound("No dead notification " + id + ".");
    }
    ctx.json(Map.of("id", id, "status", "pending"));
  }

  private void saveAlerts(Context ctx) {
    AlertsRequest request;
    try {
      request = ctx.bodyAsClass(AlertsRequest.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("The body must be JSON with whatsapp, emails and muted.");
    }
    if (request == null) {
      throw ApiException.badRequest("The body must be JSON with whatsapp, emails and muted.");
    }
    AlertPreferences current = policy.current();
    Set<AlertKind> muted = EnumSet.noneOf(AlertKind.class);
    if (request.muted() != null) {
      for (String code : request.muted()) {
        muted.add(
            AlertKind.parse(code)
                .orElseThrow(
                    () ->
                        new ApiException(
                            400,
                            "invalid_field",
                            "Unknown alert kind '" + code + "'.",
                            Map.of(
                                "field",
                                "muted",
                                "known",
                                codes(EnumSet.allOf(AlertKind.class))))));
      }
    }
    AlertPreferences next;
    try {
      next =
          new AlertPreferences(
              request.whatsapp() == null
                  ? current.whatsapp()
                  : request.whatsapp().stream().map(n -> n.replaceAll("[+\\s-]", "")).toList(),
              request.emails() == null ? current.emails() : request.emails(),
              request.muted() == null ? current.muted() : muted);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ApiException(400, "invalid_field", String.valueOf(e.getMessage()), Map.of());
    }
    policy.save(next);
    ctx.json(alerts());
  }

  private Map<String, Object> alerts() {
    Map<String, Object> body = new LinkedHashMap<>(preferences(policy.current()));
    body.put("overridden", policy.overridden());
    body.put("defaults", preferences(policy.defaults()));
    body.put("kinds", codes(EnumSet.allOf(AlertKind.class)));
    return body;
  }

  private static Map<String, Object> preferences(AlertPreferences p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("whatsapp", p.whatsapp());
    view.put("emails", p.emails());
    view.put("muted", codes(p.muted()));
    return view;
  }

  private static List<String> codes(Set<AlertKind> kinds) {
    return kinds.stream().sorted().map(AlertKind::code).toList();
  }

  static Map<String, Object> view(QueuedMessage m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", m.id());
    view.put("key", m.message().key());
    view.put("channel", m.message().channel().name().toLowerCase(Locale.ROOT));
    view.put("recipient", m.message().recipient());
    view.put("purpose", m.message().purpose());
    view.put("status", m.status().name().toLowerCase(Locale.ROOT));
    view.put("attempts", m.attempts());
    view.put("created_at", m.message().createdAt().toString());
    view.put("sent_at", m.sentAt() == null ? null : m.sentAt().toString());
    view.put("next_attempt_at", m.nextAttemptAt() == null ? null : m.nextAttemptAt().toString());
    view.put("last_error", m.lastError());
    view.put(
        "delivery", m.delivery() == null ? null : m.delivery().name().toLowerCase(Locale.ROOT));
    if (m.message().content() instanceof MessageContent.Email email) {
      view.put("subject", email.subject());
      view.put("text", email.text());
      view.put(
          "attachments",
          email.attachments().stream().map(MessageContent.Attachment::filename).toList());
    } else {
      view.put("text", m.message().content().plainText());
    }
    return view;
  }

  private static OutboxStatus status(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "pending" -> OutboxStatus.PENDING;
      case "sent" -> OutboxStatus.SENT;
      case "dead" -> OutboxStatus.DEAD;
      default -> throw ApiException.badRequest("'status' must be pending, sent or dead.");
    };
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return 100;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= 500) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw ApiException.badRequest("'limit' must be 1..500.");
  }
}
