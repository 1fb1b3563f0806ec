package ar.booking.messaging.whatsapp;

import ar.booking.core.messaging.MessageContent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The WhatsApp Cloud API client: {@code POST {base}/{phone-number-id}/messages} with the access
 * token as Bearer. Errors are classified on Meta's {@code error.code}: 130429, 131056, 80007 and 4
 * (throttling), 5xx, 429 and timeouts are tried again later; 131047 (the 24-hour window is closed)
 * asks for a template; 131026 (undeliverable), 131048 (spam limit) and other 4xx refusals are
 * final. Thread-safe.
 */
public final class WhatsAppCloudMessenger implements WhatsAppMessenger {

  static final Set<Integer> RETRY_CODES = Set.of(130429, 131056, 80007, 4);
  static final int WINDOW_CLOSED = 131047;

  private final HttpClient http;
  private final URI endpoint;
  private final String accessToken;
  private final Duration timeout;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final GraphMessages messages = new GraphMessages(json);

  /** Connection settings; {@code baseUrl} e.g. {@code https://graph.facebook.com/v21.0}. */
  public record Settings(
      String baseUrl, String phoneNumberId, String accessToken, Duration timeout) {
    public Settings {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(phoneNumberId, "phoneNumberId");
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  public WhatsAppCloudMessenger(Settings settings) {
    this(
        settings,
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build());
  }

  public WhatsAppCloudMessenger(Settings settings, HttpClient http) {
    String base = settings.baseUrl().replaceAll("/+$", "");
    this.endpoint = URI.create(base + "/" + settings.phoneNumberId() + "/messages");
    this.accessToken = settings.accessToken();
    this.timeout = settings.timeout();
    this.http = http;
  }

  @Override
  public SendOutcome send(String to, MessageContent content) {
    return post(messages.message(to, content));
  }

  @Override
  public SendOutcome sendTemplate(String to, String name, String bodyParameter) {
    return post(messages.template(to, name, bodyParameter));
  }

  private SendOutcome post(ObjectNode body) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Authorization", "Bearer " + accessToken)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build();
    } catch (IOException impossible) {
      return new Refused("cannot render the message: " + impossible.getMessage());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return new TryLater("timeout after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return new TryLater("unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TryLater("interrupted");
    }
    return classify(response.statusCode(), response.body());
  }

  SendOutcome classify(int status, byte[] body) {
    JsonNode root = readQuietly(body);
    if (status >= 200 && status < 300) {
      String id = root.path("messages").path(0).path("id").asText("");
      return id.isBlank()
          ? new TryLater("HTTP " + status + " without a message id")
          : new Accepted(id);
    }
    JsonNode error = root.path("error");
    int code = error.path("code").asInt(-1);
    String detail = error.path("error_data").path("details").asText("");
    String message = error.path("message").asText("");
    String text =
        ("HTTP "
                + status
                + (code < 0 ? "" : " code " + code)
                + " "
                + message
                + (detail.isBlank() ? "" : " (" + detail + ")"))
            .strip();
    if (code == WINDOW_CLOSED) {
      return new WindowClosed(text);
    }
    if (RETRY_CODES.contains(code) || status >= 500 || status == 429 || status == 408) {
      return new TryLater(text);
    }
    if (status == 401 || code == 190) {
      return new TryLater(text + " (check WHATSAPP_ACCESS_TOKEN)");
    }
    return new Refused(text);
  }

  private JsonNode readQuietly(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      return node == null ? json.createObjectNode() : node;
    } catch (IOException notJson) {
      return json.createObjectNode();
    }
  }
}
