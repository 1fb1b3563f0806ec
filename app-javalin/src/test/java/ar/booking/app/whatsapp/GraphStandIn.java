package ar.booking.app.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP server standing in for the Graph API: records every request and answers with
 * scripted errors (Meta's JSON shape) or a success carrying a fresh wamid.
 */
public final class GraphStandIn implements AutoCloseable {

  /** One request as received. */
  public record Request(String path, String authorization, JsonNode body, Instant at) {
    public String to() {
      return body.path("to").asText();
    }

    public String type() {
      return body.path("type").asText();
    }

    /** The text body, the interactive body or the template's parameter. */
    public String text() {
      return switch (type()) {
        case "text" -> body.path("text").path("body").asText();
        case "interactive" -> body.path("interactive").path("body").path("text").asText();
        case "template" ->
            body.path("template")
                .path("components")
                .path(0)
                .path("parameters")
                .path(0)
                .path("text")
                .asText();
        default -> "";
      };
    }
  }

  private record Answer(int status, String body) {}

  private final ObjectMapper json = new ObjectMapper();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private volatile Answer always;

  public GraphStandIn() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          byte[] in = exchange.getRequestBody().readAllBytes();
          JsonNode body;
          try {
            body = json.readTree(in);
          } catch (IOException e) {
            body = json.createObjectNode();
          }
          Answer answer;
          synchronized (script) {
            answer = script.isEmpty() ? always : script.poll();
          }
          if (answer == null) {
            answer =
                new Answer(
                    200,
                    "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
                        + body.path("to").asText()
                        + "\",\"wa_id\":\""
                        + body.path("to").asText()
                        + "\"}],\"messages\":[{\"id\":\"wamid.standin."
                        + ids.incrementAndGet()
                        + "\"}]}");
          }
          requests.add(
              new Request(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body,
                  Instant.now()));
          byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        });
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0";
  }

  /** Meta's error body for {@code code}. */
  public static String error(int code) {
    return "{\"error\":{\"message\":\"(#"
        + code
        + ") error\",\"type\":\"OAuthException\",\"code\":"
        + code
        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"stand-in\"},"
        + "\"fbtrace_id\":\"A1b2C3\"}}";
  }

  /** The next answers, in order, before the default success. */
  public GraphStandIn then(int status, String body) {
    synchronized (script) {
      script.add(new Answer(status, body));
    }
    return this;
  }

  /** Every answer from now on (null: succeed again). */
  public GraphStandIn always(Integer status, String body) {
    always = status == null ? null : new Answer(status, body);
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> to(String waId) {
    return requests.stream().filter(r -> r.to().equals(waId)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
