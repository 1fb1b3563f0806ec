package ar.booking.app.admin;

import ar.booking.app.http.Actors;
import ar.booking.app.http.HttpApi;
import ar.booking.app.http.Json;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The admin API on a real HTTP server (port 0) over the given ports, with a stand-in for the
 * platform's authentication filter, and a small JSON client for it.
 */
final class AdminServer implements AutoCloseable {

  static final String ACTOR = "admin:test@example.com";
  static final ObjectMapper JSON = Json.mapper();

  final BookingEngine engine;
  private final Javalin server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A response: status, headers and the body (parsed when it is JSON). */
  record Response(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  AdminServer(
      Accommodations accommodations,
      Reservations reservations,
      Transactions transactions,
      BookingLocks locks,
      Clock clock) {
    this(accommodations, reservations, transactions, locks, clock, ACTOR);
  }

  /** With {@code actor} null, no authentication stand-in: requests carry no actor. */
  AdminServer(
      Accommodations accommodations,
      Reservations reservations,
      Transactions transactions,
      BookingLocks locks,
      Clock clock,
      String actor) {
    engine =
        new BookingEngine(
            accommodations,
            reservations,
            transactions,
            locks,
            BookingEvents.NONE,
            clock,
            BookingSettings.DEFAULT);
    AdminApi api = new AdminApi(engine, accommodations, reservations, clock);
    List<RouteGroup> groups = new ArrayList<>();
    if (actor != null) {
      groups.add(routes -> routes.before(ctx -> ctx.attribute(Actors.ATTRIBUTE, actor)));
    }
    groups.addAll(api.routes());
    server = HttpApi.create(JSON, groups).start(0);
  }

  /**
   * On the in-memory stores, with the in-process lock and a clock fixed at {@code Fixtures.NOW}.
   */
  static AdminServer inMemory(InMemoryStores stores) {
    return new AdminServer(
        stores.accommodations(),
        stores.reservations(),
        stores.transactions(),
        new InProcessBookingLocks(),
        new MutableClock(Fixtures.NOW));
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response post(String path, String json) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response put(String path, String json) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  CompletableFuture<Response> postAsync(String path, String json) {
    return client
        .sendAsync(
            request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(r.statusCode(), r.body(), r));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(
            URI.create("http://localhost:" + server.port() + AdminApi.PREFIX + path))
        .header("Content-Type", "application/json");
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Adds a unit through the API: a cabin for 4 at 10 000 ARS, weekend ×1.2, 30 % deposit. */
  long addCabin(String name, int capacity) {
    Response response =
        post(
            "/accommodations",
            json(
                "{'name': '%s', 'type': 'cabin', 'capacity': %d, 'base_price': 10000,"
                        .formatted(name, capacity)
                    + " 'weekend_multiplier': 1.2, 'deposit_percentage': 30}"));
    if (response.status() != 201) {
      throw new AssertionError(response.body());
    }
    return response.json().get("id").asLong();
  }

  /** A JSON text from single-quoted test literals: {@code {'a': 1}} → {@code {"a": 1}}. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  @Override
  public void close() {
    server.stop();
  }
}
