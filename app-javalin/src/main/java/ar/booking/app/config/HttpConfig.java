package ar.booking.app.config;

import java.net.URI;
import java.time.Duration;

/** The HTTP server: port, public URL, body limit, rate limits, proxy trust, graceful stop. */
public record HttpConfig(
    int port,
    String baseUrl,
    long maxRequestBytes,
    boolean rateLimitEnabled,
    int rateLimitRequests,
    Duration rateLimitWindow,
    int loginRateLimitRequests,
    boolean trustProxyHeaders,
    Duration shutdownTimeout) {

  static HttpConfig read(ConfigReader r, RunMode mode) {
    int port = r.integer(Var.PORT, 0, 65_535);
    String baseUrl =
        r.get(
            Var.BASE_URL,
            v -> {
              URI uri = URI.create(v.strip());
              if (uri.getScheme() == null
                  || !uri.getScheme().matches("(?i)https?")
                  || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an absolute http(s) URL");
              }
              return v.strip().replaceAll("/+$", "");
            },
            "http://localhost:" + port);
    if (mode == RunMode.PRODUCTION
        && (r.optional(Var.BASE_URL).isEmpty() || !baseUrl.startsWith("https://"))) {
      r.problem(Var.BASE_URL, "must be an https:// URL in production");
    }
    return new HttpConfig(
        port,
        baseUrl,
        r.integer(Var.MAX_REQUEST_BYTES, 1024, 100 * 1024 * 1024),
        r.bool(Var.RATE_LIMIT_ENABLED),
        r.integer(Var.RATE_LIMIT_REQUESTS, 1, 1_000_000),
        Duration.ofSeconds(r.integer(Var.RATE_LIMIT_WINDOW_SECONDS, 1, 86_400)),
        r.integer(Var.LOGIN_RATE_LIMIT_REQUESTS, 1, 10_000),
        r.bool(Var.TRUST_PROXY_HEADERS),
        Duration.ofSeconds(r.integer(Var.SHUTDOWN_TIMEOUT_SECONDS, 1, 600)));
  }

  /** A copy listening on another port (tests bind port 0). */
  public HttpConfig withPort(int newPort) {
    return new HttpConfig(
        newPort,
        baseUrl,
        maxRequestBytes,
        rateLimitEnabled,
        rateLimitRequests,
        rateLimitWindow,
        loginRateLimitRequests,
        trustProxyHeaders,
        shutdownTimeout);
  }
}
