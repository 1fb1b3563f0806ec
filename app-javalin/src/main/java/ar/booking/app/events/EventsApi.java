package ar.booking.app.events;

import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.event.Delivery;
import ar.booking.core.event.DeliveryStatus;
import ar.booking.core.event.EventLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The owner's view of event deliveries under {@code /api/v1/admin/events}: what failed for good
 * ({@code ?status=dead}, the default) or is still waiting, and a way to try a dead one again.
 */
public final class EventsApi implements RouteGroup {

  public static final String PATH = "/api/v1/admin/events";

  private final EventLog log;
  private final Clock clock;

  public EventsApi(EventLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** The retry body. */
  public record RetryRequest(String subscriber) {}

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, this::list);
    routes.post(PATH + "/{id}/retry", this::retry);
  }

  private void list(Context ctx) {
    DeliveryStatus status = status(ctx.queryParam("status"));
    int limit = limit(ctx.queryParam("limit"));
    List<Map<String, Object>> items =
        log.deliveries(status, limit).stream().map(this::view).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.name().toLowerCase(Locale.ROOT));
    body.put("total", log.count(status));
    body.put("items", items);
    ctx.json(body);
  }

  private void retry(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("The event id must be a number.");
    }
    RetryRequest request = ctx.bodyAsClass(RetryRequest.class);
    if (request == null || request.subscriber() == null || request.subscriber().isBlank()) {
      throw ApiException.badRequest("Field 'subscriber' is required.");
    }
    if (!log.retry(id, request.subscriber().strip(), clock.instant())) {
      throw ApiException.notFound(
          "No dead delivery of event " + id + " to " + request.subscriber() + ".");
    }
    ctx.json(
        Map.of("event_id", id, "subscriber", request.subscriber().strip(), "status", "pending"));
  }

  private Map<String, Object> view(Delivery d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("event_id", d.event().id());
    view.put("type", d.event().type().name().toLowerCase(Locale.ROOT));
    view.put("stream", d.event().stream());
    view.put("occurred_at", d.event().occurredAt().toString());
    view.put("subscriber", d.subscriber());
    view.put("status", d.status().name().toLowerCase(Locale.ROOT));
    view.put("attempts", d.attempts());
    view.put("next_attempt_at", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
    view.put("last_error", d.lastError());
    view.put("data", d.event().data());
    return view;
  }

  private static DeliveryStatus status(String value) {
    if (value == null || value.isBlank()) {
      return DeliveryStatus.DEAD;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "dead" -> DeliveryStatus.DEAD;
      case "pending" -> DeliveryStatus.PENDING;
      default -> throw ApiException.badRequest("'status' must be dead or pending.");
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
