package ar.booking.calendar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP server on a free loopback port, answering each path as a test tells it to. */
final class FeedServer implements AutoCloseable {

  /** How to answer one request. */
  @FunctionalInterface
  interface Answer {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
          Answer answer = answers.get(exchange.getRequestURI().getPath());
          try {
            if (answer == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              answer.answer(exchange);
            }
          } catch (IOException e) {
            // the client went away (a timeout test): nothing to do
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void on(String path, Answer answer) {
    answers.put(path, answer);
  }

  /** Serves {@code body} as a calendar with an ETag; answers 304 to that ETag. */
  void serve(String path, byte[] body, String etag) {
    on(
        path,
        exchange -> {
          String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
          if (etag != null && etag.equals(ifNoneMatch)) {
            exchange.sendResponseHeaders(304, -1);
            return;
          }
          exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
          if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
          }
          exchange.getResponseHeaders().set("Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
  }

  void status(String path, int status) {
    on(path, exchange -> exchange.sendResponseHeaders(status, -1));
  }

  void redirect(String path, String location) {
    on(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Location", location);
          exchange.sendResponseHeaders(302, -1);
        });
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
