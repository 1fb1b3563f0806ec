package ar.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.calendarsync.FeedFetcher;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback (allowed here, refused in production). */
class HttpFeedFetcherIT {

  private static final FetchSettings SETTINGS =
      new FetchSettings(
          "ReservasBot/1.0 (+https://reservas.example.com)",
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          64 * 1024,
          3,
          true);

  private FeedServer server;
  private final HttpFeedFetcher fetcher = new HttpFeedFetcher(SETTINGS);

  @BeforeEach
  void start() throws Exception {
    server = new FeedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FeedFetcher.FetchOutcome fetch(String path) {
    return fetcher.fetch(server.url(path), Optional.empty(), Optional.empty());
  }

  private static String reason(FeedFetcher.FetchOutcome outcome) {
    assertThat(outcome).isInstanceOf(FeedFetcher.Failed.class);
    return ((FeedFetcher.Failed) outcome).reason();
  }

  @Test
  void aFeedComesWithItsValidatorsAndOurUserAgent() {
    byte[] airbnb = FeedFiles.read("airbnb.ics");
    server.serve("/airbnb.ics", airbnb, "\"v1\"");

    FeedFetcher.FetchOutcome outcome = fetch("/airbnb.ics");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            FeedFetcher.Fetched.class,
            f -> {
              assertThat(f.body()).isEqualTo(airbnb);
              assertThat(f.etag()).isEqualTo("\"v1\"");
              assertThat(f.lastModified()).isEqualTo("Wed, 25 Nov 2026 10:00:00 GMT");
            });
    assertThat(server.requestHeaders.getFirst().get("User-agent"))
        .containsExactly(SETTINGS.userAgent());
  }

  @Test
  void aConditionalGetAnsweredNotModified() {
    server.serve("/airbnb.ics", FeedFiles.read("airbnb.ics"), "\"v1\"");

    FeedFetcher.FetchOutcome outcome =
        fetcher.fetch(
            server.url("/airbnb.ics"),
            Optional.of("\"v1\""),
            Optional.of("Wed, 25 Nov 2026 10:00:00 GMT"));

    assertThat(outcome).isInstanceOf(FeedFetcher.NotModified.class);
    assertThat(server.requestHeaders.getFirst().get("If-modified-since"))
        .containsExactly("Wed, 25 Nov 2026 10:00:00 GMT");
  }

  @Test
  void aServerErrorIsAFailureWithItsStatus() {
    server.status("/500", 500);

    assertThat(reason(fetch("/500"))).isEqualTo("HTTP 500 from 127.0.0.1");
  }

  @Test
  void redirectsAreFollowedUpToThree() {
    server.serve("/final.ics", FeedFiles.read("booking.ics"), null);
    server.redirect("/r1", "/r2");
    server.redirect("/r2", "/r3");
    server.redirect("/r3", server.url("/final.ics").toString());

    assertThat(fetch("/r1")).isInstanceOf(FeedFetcher.Fetched.class);
  }

  @Test
  void aFourthRedirectOrALoopIsAFailure() {
    server.serve("/final.ics", FeedFiles.read("booking.ics"), null);
    server.redirect("/r0", "/r1");
    server.redirect("/r1", "/r2");
    server.redirect("/r2", "/r3");
    server.redirect("/r3", "/final.ics");
    server.redirect("/loop", "/loop");

    assertThat(reason(fetch("/r0"))).startsWith("more than 3 redirects");
    assertThat(reason(fetch("/loop"))).startsWith("more than 3 redirects");
  }

  @Test
  void aHugeFeedIsRefusedWhetherItSaysItsLengthOrNot() {
    byte[] huge = new byte[200 * 1024];
    java.util.Arrays.fill(huge, (byte) 'x');
    server.serve("/huge-declared.ics", huge, null);
    server.on(
        "/huge-chunked.ics",
        exchange -> {
          exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 20; i++) {
              out.write(huge, 0, 10 * 1024);
            }
          }
        });

    assertThat(reason(fetch("/huge-declared.ics"))).contains("larger than 65536 bytes");
    assertThat(reason(fetch("/huge-chunked.ics"))).contains("larger than 65536 bytes");
  }

  @Test
  void aSlowServerTimesOutOnHeadersAndOnATricklingBody() {
    server.on(
        "/slow-headers",
        exchange -> {
          sleep(5_000);
          exchange.sendResponseHeaders(200, -1);
        });
    server.on(
        "/slow-body",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 50; i++) {
              out.write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
              sleep(200);
            }
          }
        });

    long start = System.nanoTime();
    assertThat(reason(fetch("/slow-headers"))).contains("within 2 s");
    assertThat(reason(fetch("/slow-body"))).contains("within 2 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void loopbackAndPrivateAddressesAreRefusedInProduction() throws Exception {
    server.serve("/airbnb.ics", FeedFiles.read("airbnb.ics"), null);
    HttpFeedFetcher production = new HttpFeedFetcher(SETTINGS.allowingPrivateAddresses(false));

    String reason =
        reason(production.fetch(server.url("/airbnb.ics"), Optional.empty(), Optional.empty()));

    assertThat(reason).startsWith("refused: 127.0.0.1 resolves to the internal address");
    assertThat(server.requestHeaders).isEmpty();
    assertThat(HttpFeedFetcher.isInternal(InetAddress.getByName("10.1.2.3"))).isTrue();
    assertThat(HttpFeedFetcher.isInternal(InetAddress.getByName("192.168.0.10"))).isTrue();
    assertThat(HttpFeedFetcher.isInternal(InetAddress.getByName("169.254.169.254"))).isTrue();
    assertThat(HttpFeedFetcher.isInternal(InetAddress.getByName("100.64.0.1"))).isTrue();
    assertThat(HttpFeedFetcher.isInternal(InetAddress.getByName("::1"))).isTrue();
    assertThat(HttpFeedFetcher.isInternal(InetAddress.getByName("fd00::1"))).isTrue();
    assertThat(HttpFeedFetcher.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
  }

  @Test
  void aRedirectToAPrivateAddressIsRefusedToo() {
    // Loopback allowed for the test server, link-local (cloud metadata) refused: every hop is
    // checked, not only the URL we were given.
    HttpFeedFetcher fetcherRefusingLinkLocal =
        new HttpFeedFetcher(SETTINGS, InetAddress::isLinkLocalAddress);
    server.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");

    assertThat(
            reason(
                fetcherRefusingLinkLocal.fetch(
                    server.url("/to-metadata"), Optional.empty(), Optional.empty())))
        .isEqualTo("refused: 169.254.169.254 resolves to the internal address 169.254.169.254");
    assertThat(server.requestHeaders).hasSize(1);
  }

  @Test
  void anUnreachableHostOrAnotherSchemeIsAFailure() {
    assertThat(
            reason(
                fetcher.fetch(
                    URI.create("http://127.0.0.1:1/x.ics"), Optional.empty(), Optional.empty())))
        .contains("127.0.0.1");
    assertThat(
            reason(
                fetcher.fetch(
                    URI.create("ftp://example.com/x.ics"), Optional.empty(), Optional.empty())))
        .startsWith("only http and https");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
