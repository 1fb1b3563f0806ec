package ar.booking.messaging.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server standing in for the Graph API and its media host. */
class WhatsAppMediaDownloaderTest {

  private static final String TOKEN = "test-access-token";
  private static final byte[] NOTE = "OggS pretend voice note".getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private String origin;
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicInteger downloads = new AtomicInteger();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  // What the stand-in answers; tests change these.
  private volatile int lookupStatus = 200;
  private volatile String announcedSha256 = base64(sha256(NOTE));
  private volatile long announcedSize = NOTE.length;
  private volatile String url; // set in setUp
  private volatile int expiredDownloads = 0; // how many downloads answer 404 first
  private volatile byte[] served = NOTE;
  private volatile int downloadStatus = 200;
  private volatile CountDownLatch stall;

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin = "http://127.0.0.1:" + server.getAddress().getPort();
    url = origin + "/lookaside/media-1?token=abc";
    server.createContext(
        "/v21.0/",
        exchange -> {
          lookups.incrementAndGet();
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          if (lookupStatus != 200) {
            respond(exchange, lookupStatus, "{\"error\":{\"message\":\"nope\",\"code\":100}}");
            return;
          }
          respond(
              exchange,
              200,
              """
              {"messaging_product":"whatsapp","url":"%s","mime_type":"audio/ogg; codecs=opus",
               "sha256":"%s","file_size":%d,"id":"media-1"}"""
                  .formatted(url, announcedSha256, announcedSize));
        });
    server.createContext(
        "/lookaside/",
        exchange -> {
          int n = downloads.incrementAndGet();
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          if (stall != null) {
            try {
              stall.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          if (n <= expiredDownloads) {
            respond(exchange, 404, "expired");
            return;
          }
          if (downloadStatus != 200) {
            respond(exchange, downloadStatus, "no");
            return;
          }
          exchange.sendResponseHeaders(200, served.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(served);
          }
        });
    server.start();
  }

  @AfterEach
  void tearDown() {
    if (stall != null) {
      stall.countDown();
    }
    server.stop(0);
  }

  private WhatsAppMediaDownloader downloader(long maxBytes, Duration timeout) {
    return new WhatsAppMediaDownloader(
        http, URI.create(origin + "/v21.0/"), TOKEN, maxBytes, timeout);
  }

  private MediaDownload download() {
    return downloader(1_000, Duration.ofSeconds(5)).download("media-1", null);
  }

  @Test
  void resolvesThenDownloadsWithTheBearerTokenAndVerifiesABase64Hash() {
    MediaDownload result = download();
    assertThat(result)
        .isInstanceOfSatisfying(
            MediaDownload.Downloaded.class,
            d -> {
              assertThat(d.bytes()).isEqualTo(NOTE);
              assertThat(d.mimeType()).isEqualTo("audio/ogg; codecs=opus");
              assertThat(d.sha256()).isEqualTo(HexFormat.of().formatHex(sha256(NOTE)));
            });
    assertThat(authorizations).containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN);
  }

  @Test
  void aHexHashIsAcceptedToo() {
    announcedSha256 = HexFormat.of().formatHex(sha256(NOTE)).toUpperCase();
    assertThat(download()).isInstanceOf(MediaDownload.Downloaded.class);
  }

  @Test
  void theWebhooksHashIsCheckedAsWell() {
    MediaDownload result =
        downloader(1_000, Duration.ofSeconds(5)).download("media-1", base64(sha256(new byte[1])));
    assertThat(result).isInstanceOf(MediaDownload.HashMismatch.class);
    assertThat(
            downloader(1_000, Duration.ofSeconds(5))
                .download("media-1", base64(sha256(NOTE)).replace('+', '-').replace('/', '_')))
        .isInstanceOf(MediaDownload.Downloaded.class);
  }

  @Test
  void bytesThatDoNotMatchTheAnnouncedHashAreRefused() {
    served = "tampered".getBytes(StandardCharsets.UTF_8);
    announcedSize = served.length;
    assertThat(download())
        .isEqualTo(
            new MediaDownload.HashMismatch(
                base64(sha256(NOTE)), HexFormat.of().formatHex(sha256(served))));
  }

  @Test
  void anExpiredUrlIsReResolvedOnce() {
    expiredDownloads = 1;
    assertThat(download()).isInstanceOf(MediaDownload.Downloaded.class);
    assertThat(lookups).hasValue(2);
    assertThat(downloads).hasValue(2);
  }

  @Test
  void aUrlStillGoneAfterReResolvingIsNotFoundWithoutLooping() {
    expiredDownloads = 100;
    assertThat(download())
        .isEqualTo(new MediaDownload.NotFound("media URL gone (404) even after re-resolving"));
    assertThat(lookups).hasValue(2);
    assertThat(downloads).hasValue(2);
  }

  @Test
  void anUnknownMediaIdIsNotFound() {
    lookupStatus = 404;
    assertThat(download())
        .isEqualTo(new MediaDownload.NotFound("media id unknown or expired (404)"));
    assertThat(downloads).hasValue(0);
  }

  @Test
  void aRefusedTokenOrAnOutageIsAFailureToRetry() {
    lookupStatus = 401;
    assertThat(download())
        .isEqualTo(new MediaDownload.Failed("media lookup answered 401 (access token refused)"));
    lookupStatus = 200;
    downloadStatus = 503;
    assertThat(download())
        .isEqualTo(new MediaDownload.Failed("media download answered 503 (Meta unavailable)"));
  }

  @Test
  void anAnnouncedSizeOverTheCapIsRefusedBeforeDownloading() {
    announcedSize = 5_000_000;
    assertThat(download()).isEqualTo(new MediaDownload.TooLarge(5_000_000, 1_000));
    assertThat(downloads).hasValue(0);
  }

  @Test
  void aBodyOverTheCapIsRefusedEvenWhenTheAnnouncedSizeLied() {
    served = new byte[4_000];
    announcedSha256 = base64(sha256(served));
    announcedSize = 10;
    assertThat(download()).isEqualTo(new MediaDownload.TooLarge(4_000, 1_000));
  }

  @Test
  void theTokenIsNeverSentToAPlainHttpUrlOnAnotherHost() {
    url = "http://media.example.invalid/note.ogg";
    assertThat(download())
        .isEqualTo(new MediaDownload.Failed("refused to send the token to a non-https URL"));
    assertThat(downloads).hasValue(0);
  }

  @Test
  void aStalledServerIsAFailureAtTheTimeout() {
    stall = new CountDownLatch(1);
    long start = System.nanoTime();
    MediaDownload result = downloader(1_000, Duration.ofMillis(300)).download("media-1", null);
    assertThat(result)
        .isInstanceOfSatisfying(
            MediaDownload.Failed.class,
            f -> assertThat(f.reason()).startsWith("media download failed"));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void hashFormats() {
    byte[] digest = sha256(NOTE);
    assertThat(WhatsAppMediaDownloader.matches(HexFormat.of().formatHex(digest), digest)).isTrue();
    assertThat(WhatsAppMediaDownloader.matches(base64(digest), digest)).isTrue();
    assertThat(WhatsAppMediaDownloader.matches("not a hash!", digest)).isFalse();
    assertThat(WhatsAppMediaDownloader.matches(base64(sha256(new byte[0])), digest)).isFalse();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
