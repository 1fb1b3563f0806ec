package ar.booking.calendar;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpFeedFetcher} reaches other platforms.
 *
 * @param readTimeout the whole answer (headers and body) must arrive within this
 * @param maxBytes a feed larger than this is refused (a unit's calendar is a few KB)
 * @param maxRedirects redirects followed by hand, each one checked like the first URL
 * @param allowPrivateAddresses false in production: hosts resolving to loopback, private,
 *     link-local or otherwise internal addresses are refused (no reaching into our network)
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration readTimeout,
    long maxBytes,
    int maxRedirects,
    boolean allowPrivateAddresses) {

  public FetchSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("a User-Agent: some OTAs refuse default clients");
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || readTimeout.isNegative()
        || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxBytes < 1 || maxRedirects < 0) {
      throw new IllegalArgumentException("a positive size cap and a non-negative redirect count");
    }
  }

  /** Production defaults: 5 s to connect, 20 s for the answer, 5 MB, 3 redirects, public only. */
  public static FetchSettings production(String userAgent) {
    return new FetchSettings(
        userAgent, Duration.ofSeconds(5), Duration.ofSeconds(20), 5L * 1024 * 1024, 3, false);
  }

  public FetchSettings allowingPrivateAddresses(boolean allow) {
    return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBytes, maxRedirects, allow);
  }

  public FetchSettings withReadTimeout(Duration timeout) {
    return new FetchSettings(
        userAgent, connectTimeout, timeout, maxBytes, maxRedirects, allowPrivateAddresses);
  }

  public FetchSettings withMaxBytes(long bytes) {
    return new FetchSettings(
        userAgent, connectTimeout, readTimeout, bytes, maxRedirects, allowPrivateAddresses);
  }
}
