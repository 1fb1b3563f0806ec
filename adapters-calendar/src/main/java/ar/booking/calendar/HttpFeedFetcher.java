package ar.booking.calendar;

import ar.booking.core.calendarsync.FeedFetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * {@link FeedFetcher} on the JDK {@link HttpClient}: a conditional GET with a {@code User-Agent},
 * connect and whole-answer timeouts, a size cap, redirects followed by hand (at most {@code
 * maxRedirects}, each target checked again), and — unless allowed — hosts that resolve to internal
 * addresses refused. Every failure is a {@link Failed} with a reason; nothing is thrown.
 * Thread-safe.
 */
public final class HttpFeedFetcher implements FeedFetcher {

  private final FetchSettings settings;
  private final Predicate<InetAddress> refused;
  private final HttpClient client;

  public HttpFeedFetcher(FetchSettings settings) {
    this(
        settings,
        settings.allowPrivateAddresses() ? address -> false : HttpFeedFetcher::isInternal);
  }

  /** With another rule for refused addresses (tests: loopback allowed, others not). */
  HttpFeedFetcher(FetchSettings settings, Predicate<InetAddress> refused) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.refused = Objects.requireNonNull(refused, "refused");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public FetchOutcome fetch(URI url, Optional<String> etag, Optional<String> lastModified) {
    long deadline = System.nanoTime() + settings.readTimeout().toNanos();
    URI target = url;
    for (int redirects = 0; ; redirects++) {
      Optional<String> refused = refuse(target);
      if (refused.isPresent()) {
        return new Failed(refused.get());
      }
      Hop hop = get(target, etag, lastModified, deadline);
      if (hop.outcome() != null) {
        return hop.outcome();
      }
      if (redirects >= settings.maxRedirects()) {
        return new Failed(
            "more than " + settings.maxRedirects() + " redirects (last to " + hop.next() + ")");
      }
      target = hop.next();
    }
  }

  /** One request: an outcome, or where it redirects to. */
  private record Hop(FetchOutcome outcome, URI next) {}

  private Hop get(URI target, Optional<String> etag, Optional<String> lastModified, long deadline) {
    Duration left = Duration.ofNanos(deadline - System.nanoTime());
    if (left.isNegative() || left.isZero()) {
      return new Hop(timedOut(), null);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .GET()
            .timeout(left)
            .header("User-Agent", settings.userAgent())
            .header("Accept", "text/calendar, */*;q=0.5");
    etag.ifPresent(v -> request.header("If-None-Match", v));
    lastModified.ifPresent(v -> request.header("If-Modified-Since", v));
    CompletableFuture<HttpResponse<InputStream>> sent =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> response;
    try {
      response = sent.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      sent.cancel(true);
      return new Hop(timedOut(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      return new Hop(new Failed("interrupted"), null);
    } catch (ExecutionException e) {
      return new Hop(new Failed(describe(e.getCause(), target)), null);
    }
    int status = response.statusCode();
    if (status == 304) {
      close(response.body());
      return new Hop(new NotModified(), null);
    }
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      close(response.body());
      Optional<String> location = response.headers().firstValue("Location");
      if (location.isEmpty()) {
        return new Hop(new Failed("HTTP " + status + " without a Location"), null);
      }
      try {
        return new Hop(null, target.resolve(location.get().strip()));
      } catch (IllegalArgumentException e) {
        return new Hop(
            new Failed("HTTP " + status + " to a bad Location: " + location.get()), null);
      }
    }
    if (status != 200) {
      close(response.body());
      return new Hop(new Failed("HTTP " + status + " from " + target.getHost()), null);
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > settings.maxBytes()) {
      close(response.body());
      return new Hop(tooLarge(), null);
    }
    return new Hop(body(response, deadline), null);
  }

  private FetchOutcome body(HttpResponse<InputStream> response, long deadline) {
    InputStream in = response.body();
    CompletableFuture<FetchOutcome> read = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("feed-read")
        .start(
            () -> {
              try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  out.write(buffer, 0, n);
                  if (out.size() > settings.maxBytes()) {
                    read.complete(tooLarge());
                    return;
                  }
                }
                read.complete(
                    new Fetched(
                        out.toByteArray(),
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null)));
              } catch (IOException e) {
                read.complete(new Failed("the answer broke off: " + message(e)));
              }
            });
    try {
      return read.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      close(in); // unblocks the reader
      return timedOut();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(in);
      return new Failed("interrupted");
    } catch (ExecutionException e) {
      return new Failed(describe(e.getCause(), response.uri()));
    }
  }

  private Failed timedOut() {
    return new Failed("no complete answer within " + settings.readTimeout().toSeconds() + " s");
  }

  private Failed tooLarge() {
    return new Failed("the feed is larger than " + settings.maxBytes() + " bytes");
  }

  /** Why {@code target} must not be fetched, if it must not. */
  private Optional<String> refuse(URI target) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("only http and https feeds are fetched, not " + target);
    }
    String host = target.getHost();
    if (host == null || host.isBlank()) {
      return Optional.of("no host in " + target);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (refused.test(address)) {
          return Optional.of(
              "refused: " + host + " resolves to the internal address " + address.getHostAddress());
        }
      }
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + host);
    }
    return Optional.empty();
  }

  /** Loopback, private, link-local, wildcard, multicast, carrier-grade NAT or IPv6 unique-local. */
  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7
    }
    return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
  }

  private String describe(Throwable failure, URI target) {
    String host = target.getHost();
    return switch (failure) {
      case HttpConnectTimeoutException e ->
          "could not connect to "
              + host
              + " within "
              + settings.connectTimeout().toSeconds()
              + " s";
      case HttpTimeoutException e -> timedOut().reason();
      case ConnectException e -> "connection to " + host + " refused";
      case UnknownHostException e -> "unknown host " + host;
      case IOException e -> "network error with " + host + ": " + message(e);
      default -> "failed to fetch from " + host + ": " + message(failure);
    };
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing is best effort: the connection is dropped either way
    }
  }
}
