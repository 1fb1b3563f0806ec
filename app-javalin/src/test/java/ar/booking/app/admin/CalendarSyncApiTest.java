package ar.booking.app.admin;

import static ar.booking.app.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.admin.AdminServer.Response;
import ar.booking.core.calendarsync.CalendarSyncEvents;
import ar.booking.core.calendarsync.FeedId;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The owner's calendar-sync routes on the real app over in-memory adapters, importing from a real
 * HTTP server on loopback (allowed outside production).
 */
class CalendarSyncApiTest {

  static final String AIRBNB =
      """
      BEGIN:VCALENDAR\r
      VERSION:2.0\r
      PRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r
      CALSCALE:GREGORIAN\r
      BEGIN:VEVENT\r
      DTSTAMP:20261125T120000Z\r
      DTSTART;VALUE=DATE:20261202\r
      DTEND;VALUE=DATE:20261205\r
      SUMMARY:Reserved\r
      UID:1418fb94e984-abc@airbnb.com\r
      END:VEVENT\r
      BEGIN:VEVENT\r
      DTSTAMP:20261125T120000Z\r
      DTSTART;VALUE=DATE:20261211\r
      DTEND;VALUE=DATE:20261213\r
      SUMMARY:Airbnb (Not available)\r
      UID:1418fb94e984-def@airbnb.com\r
      END:VEVENT\r
      END:VCALENDAR\r
      """;

  static final String EMPTY =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r\n"
          + "END:VCALENDAR\r\n";

  final InMemoryStores stores = InMemoryStores.create();
  final AdminServer api = AdminServer.inMemory(stores);
  final long cabin = api.addCabin("Cabaña del Lago", 4);
  final AtomicReference<String> feed = new AtomicReference<>(AIRBNB);
  final AtomicReference<String> userAgent = new AtomicReference<>();
  final HttpServer ota = ota();
  final String feedUrl = "http://127.0.0.1:" + ota.getAddress().getPort() + "/calendar/ical/1.ics";

  private HttpServer ota() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/calendar",
          exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    api.close();
    ota.stop(0);
  }

  private String base() {
    return "/accommodations/" + cabin + "/ical";
  }

  private long addFeed() {
    Response added =
        api.post(base() + "/feeds", json("{'source': 'airbnb', 'url': '%s'}".formatted(feedUrl)));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asLong();
  }

  /** The export path of the unit, from the admin API, on this server's real port. */
  private String exportPath(String url) {
    return url.substring(url.indexOf("/api/v1/ical/export/"));
  }

  private Response hold(String checkIn, String checkOut, String contact) {
    return api.post(
        "/reservations",
        json(
            ("{'accommodation_id': %d, 'check_in': '%s', 'check_out': '%s', 'guests': 2,"
                    + " 'guest_name': 'Ana Pérez', %s 'kind': 'hold'}")
                .formatted(cabin, checkIn, checkOut, contact)));
  }

  @Test
  void aHoldFirstRefreshesTheUnitsStaleFeedsSoNightsSoldElsewhereAreNotHeld() {
    addFeed(); // never synced: stale
    String december = "/calendar?from=2026-12-01&to=2027-01-01&accommodation_id=" + cabin;
    assertThat(api.get(december).body()).doesNotContain("airbnb");

    Response taken = hold("2026-12-03", "2026-12-05", "'guest_phone': '+54 9 294 400-0000',");

    assertThat(taken.status()).as(taken.body()).isEqualTo(409);
    assertThat(taken.json().get("error").asText()).isEqualTo("unavailable");
    assertThat(taken.json().get("conflicts").get(0).get("source").asText()).isEqualTo("airbnb");

    Response held = hold("2026-12-06", "2026-12-08", "'guest_email': 'ana@example.com',");
    assertThat(held.status()).as(held.body()).isEqualTo(201);
    assertThat(held.json().get("status").asText()).isEqualTo("pre_reserved");
    assertThat(held.json().get("hold_expires_at").asText()).isNotBlank();
    assertThat(held.json().get("quote").get("deposit").decimalValue()).isPositive();

    // Even if the feed now answered empty, the imported stay stays (the safety rule).
    feed.set(EMPTY);
    assertThat(hold("2026-12-08", "2026-12-10", "'guest_phone': '+54 9 294 400-0000',").status())
        .isEqualTo(201);
    assertThat(api.get(december).body()).contains("airbnb");
  }

  @Test
  void aHoldNeedsAWayToReachTheGuest() {
    Response refused = hold("2026-12-06", "2026-12-08", "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("guest_phone");
  }

  @Test
  void aNewUnitShowsItsExportUrlsAndNoFeeds() {
    JsonNode ical = api.get(base()).json();

    String exportUrl = ical.get("export_url").asText();
    assertThat(exportUrl).startsWith("http://localhost:0/api/v1/ical/export/" + cabin + "/");
    assertThat(ical.get("export_urls_by_source").get("airbnb").asText())
        .isEqualTo(exportUrl + "?exclude=airbnb");
    assertThat(ical.get("export_urls_by_source").fieldNames())
        .toIterable()
        .containsExactly("airbnb", "booking", "vrbo", "other");
    assertThat(ical.get("feeds")).isEmpty();
    assertThat(api.getPublic(exportPath(exportUrl)).status()).isEqualTo(200);
    assertThat(api.get("/accommodations/999/ical").json().get("error").asText())
        .isEqualTo("unknown_accommodation");
  }

  @Test
  void aFeedWithABadSourceOrUrlIsRefusedNamingTheField() {
    Response badSource =
        api.post(base() + "/feeds", json("{'source': 'expedia', 'url': '%s'}".formatted(feedUrl)));
    assertThat(badSource.status()).isEqualTo(400);
    assertThat(badSource.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(badSource.json().get("field").asText()).isEqualTo("source");

    Response badUrl = api.post(base() + "/feeds", json("{'source': 'vrbo', 'url': 'ftp://x.y'}"));
    assertThat(badUrl.status()).isEqualTo(400);
    assertThat(badUrl.json().get("field").asText()).isEqualTo("url");
    assertThat(badUrl.json().get("message").asText()).startsWith("url");

    addFeed();
    Response twice =
        api.post(base() + "/feeds", json("{'source': 'airbnb', 'url': '%s'}".formatted(feedUrl)));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("error").asText()).isEqualTo("feed_exists");
    assertThat(
            api.post(
                    "/accommodations/999/ical/feeds",
                    json("{'source': 'airbnb', 'url': '%s'}".formatted(feedUrl)))
                .status())
        .isEqualTo(404);
  }

  @Test
  void syncNowImportsTheFeedAndTheExportLeavesItOutForItsSource() {
    long feedId = addFeed();
    assertThat(api.get(base()).json().get("feeds").get(0).get("status").asText())
        .isEqualTo("pending");

    Response synced = api.post(base() + "/sync", "");

    assertThat(synced.status()).as(synced.body()).isEqualTo(200);
    JsonNode result = synced.json().get("feeds").get(0);
    assertThat(result.get("id").asLong()).isEqualTo(feedId);
    assertThat(result.get("outcome").asText()).isEqualTo("applied");
    assertThat(result.get("changes").get("added").asInt()).isEqualTo(2);
    assertThat(userAgent.get()).startsWith("Reservas/1.0 (+http://localhost:0)");

    JsonNode shown = api.get(base()).json().get("feeds").get(0);
    assertThat(shown.get("source").asText()).isEqualTo("airbnb");
    assertThat(shown.get("url").asText()).isEqualTo(feedUrl);
    assertThat(shown.get("status").asText()).isEqualTo("ok");
    assertThat(shown.get("events").asInt()).isEqualTo(2);
    assertThat(shown.get("last_error").isNull()).isTrue();
    assertThat(shown.get("last_success_at").asText()).isNotBlank();

    JsonNode urls = api.get(base()).json();
    String all = api.getPublic(exportPath(urls.get("export_url").asText())).body();
    String forAirbnb =
        api.getPublic(exportPath(urls.get("export_urls_by_source").get("airbnb").asText())).body();
    assertThat(all).contains("DTSTART;VALUE=DATE:20261202", "DTSTART;VALUE=DATE:20261211");
    assertThat(forAirbnb).doesNotContain("BEGIN:VEVENT");

    Response again = api.post(base() + "/sync", json("{'accept_shrink': false}"));
    assertThat(again.json().get("feeds").get(0).get("changes").get("unchanged").asInt())
        .isEqualTo(2);
  }

  @Test
  void anEmptiedFeedIsSuspiciousUntilTheOwnerAcceptsTheShrink() {
    addFeed();
    api.post(base() + "/sync", "");
    feed.set(EMPTY);

    JsonNode suspicious = api.post(base() + "/sync", "").json().get("feeds").get(0);
    assertThat(suspicious.get("outcome").asText()).isEqualTo("suspicious");
    assertThat(suspicious.get("status").asText()).isEqualTo("suspicious");
    assertThat(api.get(base()).json().get("feeds").get(0).get("last_error").asText()).isNotBlank();

    JsonNode accepted =
        api.post(base() + "/sync", json("{'accept_shrink': true}")).json().get("feeds").get(0);
    assertThat(accepted.get("outcome").asText()).isEqualTo("applied");
    assertThat(accepted.get("changes").get("missed").asInt()).isEqualTo(2);
  }

  @Test
  void anOverlapWithOneOfOursIsAConflictUntilResolved() {
    Response block =
        api.post(
            "/reservations",
            json(
                "{'accommodation_id': %d, 'check_in': '2026-12-03', 'check_out': '2026-12-04', 'kind': 'block'}"
                    .formatted(cabin)));
    assertThat(block.status()).as(block.body()).isEqualTo(201);
    String ours = block.json().get("code").asText();
    long feedId = addFeed();

    JsonNode result = api.post(base() + "/sync", "").json().get("feeds").get(0);
    assertThat(result.get("changes").get("conflicts").asInt()).isEqualTo(1);
    assertThat(stores.events().stream(CalendarSyncEvents.stream(new FeedId(feedId))))
        .as("the owner alert, durable")
        .anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.ICAL_CONFLICT));

    JsonNode open = api.get("/conflicts").json().get("items");
    assertThat(open).hasSize(1);
    JsonNode conflict = open.get(0);
    assertThat(conflict.get("accommodation_id").asLong()).isEqualTo(cabin);
    assertThat(conflict.get("source").asText()).isEqualTo("airbnb");
    assertThat(conflict.get("check_in").asText()).isEqualTo("2026-12-02");
    assertThat(conflict.get("check_out").asText()).isEqualTo("2026-12-05");
    assertThat(conflict.get("ours").get(0).asText()).isEqualTo(ours);
    assertThat(conflict.get("open").asBoolean()).isTrue();
    long id = conflict.get("id").asLong();

    Response resolved =
        api.post("/conflicts/" + id + "/resolve", json("{'note': 'moved the guest'}"));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(resolved.json().get("open").asBoolean()).isFalse();
    assertThat(resolved.json().get("resolution").asText()).contains("moved the guest");
    assertThat(api.post("/conflicts/" + id + "/resolve", "").status()).isEqualTo(409);
    assertThat(api.post("/conflicts/424242/resolve", "").status()).isEqualTo(404);

    assertThat(api.get("/conflicts").json().get("items")).isEmpty();
    assertThat(api.get("/conflicts?all=true").json().get("items")).hasSize(1);
    assertThat(api.get("/conflicts?all=maybe").json().get("field").asText()).isEqualTo("all");
  }

  @Test
  void removingAFeedReleasesItsStays() {
    long feedId = addFeed();
    api.post(base() + "/sync", "");

    Response removed = api.delete("/ical/feeds/" + feedId);

    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(removed.json().get("released").asInt()).isEqualTo(2);
    assertThat(api.get(base()).json().get("feeds")).isEmpty();
    String exportUrl = api.get(base()).json().get("export_url").asText();
    assertThat(api.getPublic(exportPath(exportUrl)).body()).doesNotContain("BEGIN:VEVENT");
    assertThat(api.delete("/ical/feeds/" + feedId).status()).isEqualTo(404);
  }

  @Test
  void rotatingGivesANewExportUrlAndTheOldOneIsGone() {
    String before = api.get(base()).json().get("export_url").asText();

    Response rotated = api.post(base() + "/rotate", "");

    assertThat(rotated.status()).isEqualTo(200);
    String after = rotated.json().get("export_url").asText();
    assertThat(after).isNotEqualTo(before);
    assertThat(rotated.json().get("export_urls_by_source").get("vrbo").asText())
        .isEqualTo(after + "?exclude=vrbo");
    assertThat(api.get(base()).json().get("export_url").asText()).isEqualTo(after);
    assertThat(api.getPublic(exportPath(before)).status()).isEqualTo(404);
    assertThat(api.getPublic(exportPath(after)).status()).isEqualTo(200);
  }
}
