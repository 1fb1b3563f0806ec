package ar.booking.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Cross-cutting request handling: a request id (kept from {@code X-Request-ID} when sane), the body
 * size limit (413), one access-log line and one latency sample per request.
 */
public final class RequestTracking {

  /** Receives each finished request; {@code route} is the matched template or "unmatched". */
  @FunctionalInterface
  public interface Recorder {
    void record(String method, String route, int status, Duration elapsed);
  }

  /**
   * A request attribute a handler sets (to {@code true}) when its path carries a secret (the
   * calendar export token): the access log then shows the route template instead of the path.
   */
  public static final String SECRET_PATH = "booking.secretPath";

  public static final String HEADER = "X-Request-ID";
  public static final String MDC_KEY = "request_id";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  private static final Logger access = LoggerFactory.getLogger("access");

  private final long maxRequestBytes;
  private final Recorder recorder;
  private final Set<String> quietRoutes;
  private final Map<String, Long> pathLimits;
  private volatile JavalinState state;

  /**
   * @param quietRoutes routes whose successful requests are not access-logged (health probes and
   *     metric scrapes every few seconds would drown the real traffic); still timed
   */
  public RequestTracking(long maxRequestBytes, Recorder recorder, Set<String> quietRoutes) {
    this(maxRequestBytes, recorder, quietRoutes, Map.of());
  }

  /**
   * @param pathLimits exact paths whose handlers read and bound the body themselves, with their
   *     limit (the WhatsApp webhook takes 3 MB batches and counts what it refuses): not checked
   *     here
   */
  public RequestTracking(
      long maxRequestBytes,
      Recorder recorder,
      Set<String> quietRoutes,
      Map<String, Long> pathLimits) {
    this.maxRequestBytes = maxRequestBytes;
    this.recorder = recorder;
    this.quietRoutes = Set.copyOf(quietRoutes);
    this.pathLimits = Map.copyOf(pathLimits);
  }

  public void configure(JavalinConfig config) {
    state = config.unsafe;
    config.http.maxRequestSize = maxRequestBytes;
    config.routes.before(this::begin);
    config.requestLogger.http(this::finish);
  }

  private void begin(Context ctx) {
    String incoming = ctx.header(HEADER);
    String id =
        incoming != null && SANE_ID.matcher(incoming).matches()
            ? incoming
            : UUID.randomUUID().toString();
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
    long limit = maxRequestBytes;
    if (!pathLimits.containsKey(ctx.path()) && ctx.contentLength() > limit) {
      throw new ApiException(
          413,
          "payload_too_large",
          "The request body is larger than " + limit + " bytes.",
          Map.of("max_bytes", limit));
    }
  }

  private void finish(Context ctx, Float millis) {
    String route = route(ctx);
    int status = ctx.statusCode();
    try {
      String id = ctx.res().getHeader(HEADER);
      if (id != null) {
        MDC.put(MDC_KEY, id);
      }
      recorder.record(
          ctx.method().name(), route, status, Duration.ofNanos((long) (millis * 1_000_000)));
      if (quietRoutes.contains(route) && status < 400 && !access.isDebugEnabled()) {
        return; // probes and scrapes every few seconds would drown the real traffic
      }
      access.info(
          "{} {} {} {} ms (route {})",
          ctx.method().name(),
          Boolean.TRUE.equals(ctx.attribute(SECRET_PATH)) ? route : ctx.path(),
          status,
          String.format("%.1f", millis),
          route);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  /**
   * The route template for metrics: the matched endpoint, or — when a before-filter answered first
   * (401, 413, 429) — the endpoint the request was aimed at; never the raw path.
   */
  String route(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      if (endpoint != null) {
        return endpoint.path;
      }
    } catch (RuntimeException notMatched) {
      // fall through to the router
    }
    try {
      ParsedEndpoint target =
          state.internalRouter.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
      return target == null ? "unmatched" : target.endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}
