package ar.booking.app.http;

import ar.booking.core.ports.StorageFailure;
import ar.booking.core.ports.TechnicalFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server: JSON mapping, the one place where failures become {@code {"error", "message"}}
 * bodies, and the route groups of the controllers. A retryable {@link TechnicalFailure} is a 503
 * with {@code Retry-After}; anything else unexpected is a 500 with an {@code error_id} that is
 * logged with the stack trace.
 */
public final class HttpApi {

  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

  private HttpApi() {}

  public static Javalin create(ObjectMapper mapper, List<RouteGroup> groups) {
    return create(mapper, groups, config -> {});
  }

  /**
   * The server with the route groups, after {@code platform} has configured the rest (filters,
   * limits, Jetty): the app's composition root passes its cross-cutting concerns here.
   */
  public static Javalin create(
      ObjectMapper mapper, List<RouteGroup> groups, Consumer<JavalinConfig> platform) {
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(mapper, false));
          config.startup.showJavalinBanner = false;
          config.routes.exception(
              ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
          config.routes.exception(JsonProcessingException.class, (e, ctx) -> badJson(e, ctx));
          config.routes.exception(
              TechnicalFailure.class,
              (e, ctx) -> {
                if (!e.retryable()) {
                  internalError(e, ctx);
                  return;
                }
                log.warn(
                    "Storage unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", "5");
                ctx.status(503)
                    .json(
                        error(
                            e instanceof StorageFailure
                                ? "storage_unavailable"
                                : "service_unavailable",
                            "A service we depend on is unavailable; try again shortly."));
              });
          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) ->
                  ctx.status(e.getStatus()).json(error(codeOf(e.getStatus()), e.getMessage())));
          config.routes.exception(Exception.class, HttpApi::internalError);
          config.routes.error(
              404,
              "*",
              ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                  ctx.json(error("not_found", "No route for " + ctx.method() + " " + ctx.path()));
                }
              });
          platform.accept(config);
          groups.forEach(group -> group.addTo(config.routes));
        });
  }

  /**
   * A bug or a permanent failure: retrying will not help, so no Retry-After. The client gets an
   * error id to quote; the log gets the same id with the whole stack trace.
   */
  private static void internalError(Exception e, Context ctx) {
    String errorId = UUID.randomUUID().toString();
    log.error("Unhandled failure {} on {} {}", errorId, ctx.method(), ctx.path(), e);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "internal_error");
    body.put(
        "message",
        "Something went wrong on our side; quote error id " + errorId + " to report it.");
    body.put("error_id", errorId);
    ctx.status(500).json(body);
  }

  private static void badJson(JsonProcessingException e, Context ctx) {
    String field = "";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
    }
    String message =
        field.isEmpty()
            ? "The request body is not valid JSON: " + e.getOriginalMessage()
            : "Field '" + field + "' is invalid: " + e.getOriginalMessage();
    ctx.status(400).json(error("invalid_json", message));
  }

  /** Javalin's own answers (unknown route, body too large…) in our error dialect. */
  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      default -> "http_" + status;
    };
  }

  static Map<String, Object> error(String code, String message) {
    return Map.of("error", code, "message", message);
  }
}
