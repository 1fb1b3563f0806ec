package ar.booking.app.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer other than success, thrown by a handler and turned by {@link HttpApi} into {@code
 * {"error": code, "message": text, …details}} with the given status.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, Object> details;

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public ApiException(int status, String code, String message, Map<String, ?> details) {
    super(message);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.details = Map.copyOf(details);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "invalid_request", message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The JSON body: error and message first, then the details. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", getMessage());
    body.putAll(details);
    return body;
  }
}
