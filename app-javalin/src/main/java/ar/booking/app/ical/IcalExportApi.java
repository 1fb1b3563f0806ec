package ar.booking.app.ical;

import ar.booking.app.auth.ClientAddress;
import ar.booking.app.auth.RateLimiter;
import ar.booking.app.http.RequestTracking;
import ar.booking.app.http.RouteGroup;
import ar.booking.calendar.IcsWriter;
import ar.booking.core.calendarsync.CalendarExport;
import ar.booking.core.calendarsync.ExportCalendar;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.shared.AccommodationId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public calendar export {@code GET /api/v1/ical/export/{accommodation_id}/{token}.ics} (also
 * without {@code .ics}), polled by Airbnb, Booking.com and Vrbo. No bearer token: the unguessable
 * token in the URL is the key. An unknown unit, a wrong or rotated token and an unknown {@code
 * exclude} all answer exactly like an unknown route, so a guesser learns nothing. Rate-limited per
 * client on a limiter of its own. {@code ETag} is the calendar's content version; {@code
 * Last-Modified} and {@code DTSTAMP} are when this instance first served that version, so an
 * unchanged calendar is byte for byte the same answer.
 *
 * <p>Counts {@code ical_export_requests_total{outcome}} (ok, not_modified, not_found,
 * rate_limited).
 */
public final class IcalExportApi implements RouteGroup {

  public static final String PREFIX = "/api/v1/ical/export";
  private static final String SUFFIX = ".ics";
  private static final int MAX_REMEMBERED = 10_000;

  private final ExportCalendar export;
  private final IcsWriter writer;
  private final RateLimiter limiter;
  private final ClientAddress clients;
  private final Clock clock;
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<AccommodationId, Served> served = new ConcurrentHashMap<>();

  private record Served(String version, Instant since) {}

  /**
   * @param limiter per-client limit on export requests, or null for none
   */
  public IcalExportApi(
      ExportCalendar export,
      IcsWriter writer,
      RateLimiter limiter,
      ClientAddress clients,
      Clock clock,
      MeterRegistry registry) {
    this.export = Objects.requireNonNull(export, "export");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.limiter = limiter;
    this.clients = Objects.requireNonNull(clients, "clients");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (String outcome : new String[] {"ok", "not_modified", "not_found", "rate_limited"}) {
      outcomes.put(
          outcome,
          Counter.builder("ical.export.requests")
              .description("Calendar export requests by outcome")
              .tag("outcome", outcome)
              .register(registry));
    }
  }

  /** The export URL path of a unit (with {@code .ics}), for the admin API. */
  public static String path(AccommodationId unit, String token) {
    return PREFIX + "/" + unit.value() + "/" + token + SUFFIX;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PREFIX + "/{unit}/{token}", this::export);
  }

  private void export(Context ctx) {
    ctx.attribute(RequestTracking.SECRET_PATH, true);
    if (limiter != null) {
      RateLimiter.Decision decision = limiter.hit("ical:" + clients.of(ctx));
      if (!decision.allowed()) {
        count("rate_limited");
        ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
        ctx.status(429)
            .json(
                Map.of(
                    "error",
                    "rate_limited",
                    "message",
                    "Too many requests; retry in " + decision.retryAfterSeconds() + " s."));
        return;
      }
    }
    Optional<ExportCalendar.Query> query = query(ctx);
    ExportCalendar.Result result =
        query.isEmpty() ? new ExportCalendar.NotFound() : export.execute(query.get());
    if (!(result instanceof ExportCalendar.Exported(CalendarExport calendar))) {
      count("not_found");
      // Exactly what an unknown route answers: no hint whether the unit or the token was wrong.
      // (Javalin's own wording, through the same error mapping in HttpApi).
      throw new NotFoundResponse("Endpoint " + ctx.method() + " " + ctx.path() + " not found");
    }
    Instant since = since(calendar);
    String etag = "\"" + calendar.version() + "\"";
    ctx.header("ETag", etag);
    ctx.header(
        "Last-Modified",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(since.atOffset(ZoneOffset.UTC)));
    ctx.header("Cache-Control", "no-cache");
    if (matches(ctx.header("If-None-Match"), etag)) {
      count("not_modified");
      ctx.status(304);
      return;
    }
    count("ok");
    ctx.contentType(IcsWriter.CONTENT_TYPE);
    ctx.result(writer.write(calendar, since));
  }

  /** The query of a well-formed URL; empty for anything a real export URL never looks like. */
  private static Optional<ExportCalendar.Query> query(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("unit"));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (id < 1) {
      return Optional.empty();
    }
    String token = ctx.pathParam("token");
    if (token.endsWith(SUFFIX)) {
      token = token.substring(0, token.length() - SUFFIX.length());
    }
    String exclude = ctx.queryParam("exclude");
    Optional<FeedSource> source = Optional.empty();
    if (exclude != null && !exclude.isBlank()) {
      source = FeedSource.fromLabel(exclude);
      if (source.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new ExportCalendar.Query(new AccommodationId(id), token, source));
  }

  private Instant since(CalendarExport calendar) {
    if (served.size() > MAX_REMEMBERED) {
      served.clear();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return served
        .compute(
            calendar.unit(),
            (unit, known) ->
                known != null && known.version().equals(calendar.version())
                    ? known
                    : new Served(calendar.version(), now))
        .since();
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals(etag) || c.equals("*")) {
        return true;
      }
    }
    return false;
  }

  private void count(String outcome) {
    outcomes.get(outcome).increment();
  }
}
