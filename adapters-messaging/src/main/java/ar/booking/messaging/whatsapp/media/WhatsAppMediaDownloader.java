package ar.booking.messaging.whatsapp.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads WhatsApp media by id (contracts §1): {@code GET {base}/{media-id}} with the bearer
 * token gives {@code {url, mime_type, sha256, file_size}}; {@code GET url} with the same token
 * gives the bytes. The URL lives five minutes, so a 404 on it re-resolves the id once. Announced
 * and actual sizes are capped; the SHA-256 (Meta's payloads carry it as base64, some as hex: both
 * are accepted) is verified. The token is only ever sent to https URLs or to the configured base's
 * own host. Never throws: every problem is a {@link MediaDownload} outcome. Thread-safe.
 */
public final class WhatsAppMediaDownloader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final String accessToken;
  private final long maxBytes;
  private final Duration timeout;

  /**
   * @param graphBase e.g. {@code https://graph.facebook.com/v21.0} (a local stub in tests)
   * @param maxBytes the largest media accepted ({@code AUDIO_MAX_BYTES} for voice notes)
   * @param timeout per request
   */
  public WhatsAppMediaDownloader(
      HttpClient http, URI graphBase, String accessToken, long maxBytes, Duration timeout) {
    this.http = http;
    String b = graphBase.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.accessToken = accessToken;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
  }

  /**
   * @param expectedSha256 the hash from the webhook's {@code audio.sha256}, checked as well when
   *     given (null to rely on the resolved one only)
   */
  public MediaDownload download(String mediaId, String expectedSha256) {
    if (mediaId == null || mediaId.isBlank()) {
      return new MediaDownload.NotFound("no media id");
    }
    try {
      for (int attempt = 1; ; attempt++) {
        Resolved resolved;
        switch (resolve(mediaId)) {
          case Resolution.Ok ok -> resolved = ok.resolved();
          case Resolution.Stop stop -> {
            return stop.outcome();
          }
        }
        if (resolved.fileSize() > maxBytes) {
          return new MediaDownload.TooLarge(resolved.fileSize(), maxBytes);
        }
        Optional<MediaDownload> fetched = fetch(resolved, expectedSha256);
        if (fetched.isPresent()) {
          return fetched.get();
        }
        if (attempt == 2) {
          return new MediaDownload.NotFound("media URL gone (404) even after re-resolving");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new MediaDownload.Failed("interrupted");
    }
  }

  private record Resolved(URI url, String mimeType, String sha256, long fileSize) {}

  private sealed interface Resolution {
    record Ok(Resolved resolved) implements Resolution {}

    record Stop(MediaDownload outcome) implements Resolution {}
  }

  private Resolution resolve(String mediaId) throws InterruptedException {
    URI uri = URI.create(base + "/" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8));
    HttpResponse<byte[]> response;
    try {
      response = http.send(get(uri), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new Resolution.Stop(new MediaDownload.Failed("media lookup failed: " + e));
    }
    int status = response.statusCode();
    if (status == 404 || status == 400) {
      return new Resolution.Stop(
          new MediaDownload.NotFound("media id unknown or expired (" + status + ")"));
    }
    if (status != 200) {
      return new Resolution.Stop(
          new MediaDownload.Failed("media lookup answered " + status + describe(status)));
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      String url = body.path("url").asText("");
      if (url.isBlank()) {
        return new Resolution.Stop(new MediaDownload.Failed("media lookup gave no url"));
      }
      URI target = uri.resolve(url);
      if (!"https".equalsIgnoreCase(target.getScheme()) && !sameOrigin(uri, target)) {
        return new Resolution.Stop(
            new MediaDownload.Failed("refused to send the token to a non-https URL"));
      }
      return new Resolution.Ok(
          new Resolved(
              target,
              body.path("mime_type").asText(""),
              body.path("sha256").asText(""),
              body.path("file_size").asLong(0)));
    } catch (IOException | IllegalArgumentException e) {
      return new Resolution.Stop(new MediaDownload.Failed("media lookup unreadable: " + e));
    }
  }

  /** The outcome, or empty when the URL answered 404 (expired: re-resolve). */
  private Optional<MediaDownload> fetch(Resolved resolved, String expectedSha256)
      throws InterruptedException {
    HttpResponse<InputStream> response;
    try {
      response = http.send(get(resolved.url()), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      return Optional.of(new MediaDownload.Failed("media download failed: " + e));
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 404) {
        return Optional.empty();
      }
      if (status != 200) {
        return Optional.of(
            new MediaDownload.Failed("media download answered " + status + describe(status)));
      }
      long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (announced > maxBytes) {
        return Optional.of(new MediaDownload.TooLarge(announced, maxBytes));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16_384];
      int n;
      while ((n = body.read(buffer)) >= 0) {
        if (out.size() + (long) n > maxBytes) {
          return Optional.of(new MediaDownload.TooLarge(out.size() + (long) n, maxBytes));
        }
        out.write(buffer, 0, n);
      }
      byte[] bytes = out.toByteArray();
      byte[] digest = sha256(bytes);
      String actual = HexFormat.of().formatHex(digest);
      List<String> expected = new ArrayList<>();
      if (!resolved.sha256().isBlank()) {
        expected.add(resolved.sha256());
      }
      if (expectedSha256 != null && !expectedSha256.isBlank()) {
        expected.add(expectedSha256);
      }
      for (String e : expected) {
        if (!matches(e, digest)) {
          return Optional.of(new MediaDownload.HashMismatch(e, actual));
        }
      }
      return Optional.of(new MediaDownload.Downloaded(bytes, resolved.mimeType(), actual));
    } catch (IOException e) {
      return Optional.of(new MediaDownload.Failed("media download broke off: " + e));
    }
  }

  /** Whether {@code announced} (64 hex digits, or base64 / base64url of 32 bytes) is the digest. */
  static boolean matches(String announced, byte[] digest) {
    String a = announced.strip();
    if (a.length() == 64 && a.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return MessageDigest.isEqual(HexFormat.of().parseHex(a.toLowerCase(Locale.ROOT)), digest);
    }
    try {
      byte[] decoded =
          a.indexOf('-') >= 0 || a.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(a)
              : Base64.getDecoder().decode(a);
      return MessageDigest.isEqual(decoded, digest);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Authorization", "Bearer " + accessToken)
        .GET()
        .build();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  private static String describe(int status) {
    return switch (status) {
      case 401, 403 -> " (access token refused)";
      case 429 -> " (rate limited)";
      default -> status >= 500 ? " (Meta unavailable)" : "";
    };
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
