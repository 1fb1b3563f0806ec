package ar.booking.app.admin;

import static ar.booking.app.admin.AdminApi.PREFIX;

import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.app.ical.IcalExportApi;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.AddFeed;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.FeedHealth;
import ar.booking.core.calendarsync.FeedId;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.RemoveFeed;
import ar.booking.core.calendarsync.ResolveConflict;
import ar.booking.core.calendarsync.RotateExportToken;
import ar.booking.core.calendarsync.SyncCalendar;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's side of calendar sync (issue 12): a unit's export URLs and imported feeds, adding and
 * removing a feed, syncing now, rotating the export URL, and the conflicts between imported stays
 * and ours.
 */
final class CalendarSyncController {

  private static final Logger log = LoggerFactory.getLogger(CalendarSyncController.class);

  /** {@code POST …/ical/feeds}. */
  record FeedRequest(String source, String url) {}

  /** {@code POST …/ical/sync}, optional. */
  record SyncRequest(Boolean acceptShrink) {
    static final SyncRequest NONE = new SyncRequest(false);
  }

  /** {@code POST /conflicts/{id}/resolve}, optional. */
  record ResolveRequest(String note) {
    static final ResolveRequest NONE = new ResolveRequest(null);
  }

  private final CalendarSyncAdmin ical;
  private final Accommodations accommodations;
  private final Clock clock;

  CalendarSyncController(CalendarSyncAdmin ical, Accommodations accommodations, Clock clock) {
    this.ical = ical;
    this.accommodations = accommodations;
    this.clock = clock;
  }

  void addTo(RoutesConfig routes) {
    routes.get(PREFIX + "/accommodations/{id}/ical", Authenticated.only(this::read));
    routes.post(PREFIX + "/accommodations/{id}/ical/feeds", Authenticated.only(this::addFeed));
    routes.post(PREFIX + "/accommodations/{id}/ical/sync", Authenticated.only(this::sync));
    routes.post(PREFIX + "/accommodations/{id}/ical/rotate", Authenticated.only(this::rotate));
    routes.delete(PREFIX + "/ical/feeds/{id}", Authenticated.only(this::removeFeed));
    routes.get(PREFIX + "/conflicts", Authenticated.only(this::conflicts));
    routes.post(PREFIX + "/conflicts/{id}/resolve", Authenticated.only(this::resolve));
  }

  private void read(Context ctx) {
    Accommodation unit = unit(ctx);
    Map<String, Object> body = exportUrls(unit, ical.tokens().tokenFor(unit));
    Instant now = clock.instant();
    body.put("feeds", ical.feeds().ofUnit(unit.id()).stream().map(f -> feedView(f, now)).toList());
    ctx.json(body);
  }

  private void addFeed(Context ctx) {
    AccommodationId unit = unitId(ctx);
    FeedRequest request = Requests.body(ctx, FeedRequest.class);
    switch (ical.addFeed().execute(new AddFeed.Command(unit, request.source(), request.url()))) {
      case AddFeed.Added added ->
          ctx.status(201)
              .header("Location", PREFIX + "/ical/feeds/" + added.feed().id().value())
              .json(feedView(added.feed(), clock.instant()));
      case AddFeed.Invalid invalid ->
          throw new ApiException(
              400,
              "invalid_request",
              invalid.field() + ": " + invalid.message(),
              Map.of("field", invalid.field()));
      case AddFeed.UnknownUnit unknown -> throw AccommodationsController.unknownUnit(unit);
      case AddFeed.AlreadyImported duplicate ->
          throw new ApiException(
              409,
              "feed_exists",
              "This unit already imports " + duplicate.url() + ".",
              Map.of("field", "url"));
    }
  }

  private void removeFeed(Context ctx) {
    FeedId feed = feedId(ctx.pathParam("id"));
    switch (ical.removeFeed().execute(new RemoveFeed.Command(feed, Actors.current(ctx)))) {
      case RemoveFeed.Removed removed -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", removed.feed().id().value());
        body.put("released", removed.released());
        ctx.json(body);
      }
      case RemoveFeed.UnknownFeed unknown -> throw unknownFeed(ctx.pathParam("id"));
    }
  }

  private void sync(Context ctx) {
    Accommodation unit = unit(ctx);
    SyncRequest request = Requests.optionalBody(ctx, SyncRequest.class, SyncRequest.NONE);
    boolean acceptShrink = Boolean.TRUE.equals(request.acceptShrink());
    List<Map<String, Object>> results = new ArrayList<>();
    for (CalendarFeed feed : ical.feeds().ofUnit(unit.id())) {
      SyncCalendar.FeedSynced synced;
      try {
        synced = ical.sync().execute(new SyncCalendar.Command(feed.id(), acceptShrink));
      } catch (RuntimeException e) {
        log.error("Syncing feed {} of unit {} failed", feed.id(), unit.id(), e);
        synced =
            new SyncCalendar.FeedSynced(feed.id(), Optional.of(feed), new SyncCalendar.Crashed(e));
      }
      ical.synced().accept(synced);
      results.add(syncView(feed, synced));
    }
    ctx.json(Map.of("feeds", results));
  }

  private void rotate(Context ctx) {
    AccommodationId unit = unitId(ctx);
    switch (ical.rotate().execute(unit)) {
      case RotateExportToken.Rotated rotated ->
          ctx.json(exportUrls(rotated.unit(), rotated.token()));
      case RotateExportToken.UnknownUnit unknown ->
          throw AccommodationsController.unknownUnit(unit);
    }
  }

  private void conflicts(Context ctx) {
    Optional<AccommodationId> unit = Requests.optionalUnit(ctx, "accommodation_id");
    String all = Requests.optionalParam(ctx, "all").orElse("false");
    if (!all.equals("true") && !all.equals("false")) {
      throw Requests.invalid("all", "must be true or false");
    }
    boolean openOnly = all.equals("false");
    ctx.json(
        Map.of(
            "items",
            ical.feeds().conflicts(unit, openOnly).stream()
                .map(CalendarSyncController::conflictView)
                .toList()));
  }

  private void resolve(Context ctx) {
    String id = ctx.pathParam("id");
    long conflictId;
    try {
      conflictId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw unknownConflict(id);
    }
    ResolveRequest request = Requests.optionalBody(ctx, ResolveRequest.class, ResolveRequest.NONE);
    String note = request.note() == null ? null : Requests.text("note", request.note(), 500, false);
    switch (ical.resolveConflict()
        .execute(new ResolveConflict.Command(conflictId, note, Actors.current(ctx)))) {
      case ResolveConflict.Resolved resolved -> ctx.json(conflictView(resolved.conflict()));
      case ResolveConflict.AlreadyResolved already ->
          throw new ApiException(
              409,
              "conflict_already_resolved",
              "Conflict " + id + " was already resolved: " + already.conflict().resolution(),
              Map.of("conflict", conflictView(already.conflict())));
      case ResolveConflict.NotFound notFound -> throw unknownConflict(id);
    }
  }

  private Map<String, Object> exportUrls(Accommodation unit, String token) {
    String url = ical.baseUrl() + IcalExportApi.path(unit.id(), token);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("export_url", url);
    Map<String, String> bySource = new LinkedHashMap<>();
    for (FeedSource source : FeedSource.values()) {
      bySource.put(source.label(), url + "?exclude=" + source.label());
    }
    body.put("export_urls_by_source", bySource);
    return body;
  }

  private Map<String, Object> feedView(CalendarFeed feed, Instant now) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", feed.id().value());
    view.put("source", feed.source().label());
    view.put("url", feed.url().toString());
    view.put("last_success_at", feed.sync().lastSuccessAt());
    view.put("last_attempt_at", feed.sync().lastAttemptAt());
    view.put("last_error", feed.sync().lastError());
    view.put("events", feed.sync().eventCount());
    view.put(
        "status", FeedHealth.status(feed, now, ical.syncMaxAge()).name().toLowerCase(Locale.ROOT));
    return view;
  }

  private Map<String, Object> syncView(CalendarFeed feed, SyncCalendar.FeedSynced synced) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", feed.id().value());
    view.put("source", feed.source().label());
    switch (synced.outcome()) {
      case SyncCalendar.Applied applied -> {
        view.put("outcome", "applied");
        view.put("changes", applied.changes());
      }
      case SyncCalendar.NotModified notModified -> {
        view.put("outcome", "not_modified");
        view.put("changes", notModified.changes());
      }
      case SyncCalendar.Failed failed -> {
        view.put("outcome", "failed");
        view.put("reason", failed.reason());
      }
      case SyncCalendar.Suspicious suspicious -> {
        view.put("outcome", "suspicious");
        view.put("reason", suspicious.reason());
        view.put("hint", "repeat with {\"accept_shrink\": true} to apply it anyway");
      }
      case SyncCalendar.UnknownFeed unknown -> view.put("outcome", "removed");
      case SyncCalendar.Crashed crashed -> {
        view.put("outcome", "crashed");
        view.put("reason", "an internal error; see the server log");
      }
    }
    synced
        .synced()
        .ifPresent(
            f -> {
              view.put(
                  "status",
                  FeedHealth.status(f, clock.instant(), ical.syncMaxAge())
                      .name()
                      .toLowerCase(Locale.ROOT));
              view.put("events", f.sync().eventCount());
            });
    return view;
  }

  static Map<String, Object> conflictView(FeedConflict c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id());
    view.put("accommodation_id", c.unit().value());
    view.put("feed_id", c.feed().value());
    view.put("source", c.source().label());
    view.put("uid", c.uid());
    view.put("check_in", c.period().checkIn());
    view.put("check_out", c.period().checkOut());
    view.put("summary", c.summary());
    view.put("ours", c.ours().stream().map(ReservationCode::value).toList());
    view.put("detected_at", c.detectedAt());
    view.put("open", c.isOpen());
    view.put("resolved_at", c.resolvedAt());
    view.put("resolution", c.resolution());
    return view;
  }

  private Accommodation unit(Context ctx) {
    AccommodationId id = unitId(ctx);
    return accommodations.find(id).orElseThrow(() -> AccommodationsController.unknownUnit(id));
  }

  private static AccommodationId unitId(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return new AccommodationId(Long.parseLong(id));
    } catch (IllegalArgumentException e) {
      throw AccommodationsController.unknownUnit(id);
    }
  }

  private static FeedId feedId(String id) {
    try {
      return new FeedId(Long.parseLong(id));
    } catch (IllegalArgumentException e) {
      throw unknownFeed(id);
    }
  }

  private static ApiException unknownFeed(String id) {
    return new ApiException(404, "unknown_feed", "There is no calendar feed with id " + id + ".");
  }

  private static ApiException unknownConflict(String id) {
    return new ApiException(404, "unknown_conflict", "There is no conflict with id " + id + ".");
  }
}
