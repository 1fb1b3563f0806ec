package ar.booking.app.console;

import ar.booking.app.Adapters;
import ar.booking.app.BookingApp;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.config.Config;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.calendarsync.AddFeed;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BlockDates;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.CreateOwnerBooking;
import ar.booking.core.usecase.PlaceHold;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real app ({@link BookingApp} with every route) on in-memory stores, a clock fixed on 9
 * November 2026 (10:00 in Buenos Aires), an owner account, and a stand-in for Airbnb's calendar on
 * loopback; a small form-posting HTTP client that keeps the console's cookies.
 */
final class ConsoleServer implements AutoCloseable {

  static final String EMAIL = "duena@cabanas.test";
  static final String PASSWORD = "correct horse battery staple";
  static final Instant NOW = Instant.parse("2026-11-09T13:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 9);

  /** Airbnb's feed: one stay that overlaps our confirmed booking (a conflict), one free. */
  static final String AIRBNB =
      """
      BEGIN:VCALENDAR\r
      VERSION:2.0\r
      PRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r
      BEGIN:VEVENT\r
      DTSTAMP:20261101T120000Z\r
      DTSTART;VALUE=DATE:20261124\r
      DTEND;VALUE=DATE:20261128\r
      SUMMARY:Reserved\r
      UID:stay-1@airbnb.com\r
      END:VEVENT\r
      BEGIN:VEVENT\r
      DTSTAMP:20261101T120000Z\r
      DTSTART;VALUE=DATE:20261113\r
      DTEND;VALUE=DATE:20261116\r
      SUMMARY:Reserved\r
      UID:stay-2@airbnb.com\r
      END:VEVENT\r
      END:VCALENDAR\r
      """;

  final InMemoryStores stores = InMemoryStores.create();
  final MutableClock clock = new MutableClock(NOW);
  final BookingEngine engine =
      new BookingEngine(
          stores.accommodations(),
          stores.reservations(),
          stores.transactions(),
          new ar.booking.core.memory.InProcessBookingLocks(),
          BookingEvents.NONE,
          clock,
          BookingSettings.DEFAULT);
  final BookingApp app;
  final HttpServer airbnb;
  final String feedUrl;
  private static final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  ConsoleServer() {
    this(Map.of());
  }

  /** With extra settings (rate limits…). */
  ConsoleServer(Map<String, String> settings) {
    Map<String, String> env = new HashMap<>();
    env.put("ENVIRONMENT", "test");
    env.put("ADMIN_EMAIL", EMAIL);
    env.put("ADMIN_PASSWORD", PASSWORD);
    env.put("JWT_SECRET", "0123456789abcdef0123456789abcdef-console-secret");
    env.put("ICS_SALT", "fedcba9876543210fedcba9876543210-console-salt");
    env.put("RATE_LIMIT_ENABLED", "false");
    env.put("SHUTDOWN_TIMEOUT_SECONDS", "2");
    env.put("PORT", "0");
    try {
      env.put("DATA_DIR", Files.createTempDirectory("console-data").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.putAll(settings);
    app =
        BookingApp.create(
                Config.from(env),
                Adapters.inMemory(stores, new InMemoryOwnerAccounts(), clock),
                List.of(),
                new PasswordHasher(4))
            .start(0);
    airbnb = airbnb();
    feedUrl = "http://127.0.0.1:" + airbnb.getAddress().getPort() + "/calendar/ical/1.ics";
  }

  private static HttpServer airbnb() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/calendar",
          exchange -> {
            byte[] body = AIRBNB.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  // ---- arranging stays through the use cases ----

  Accommodation unit(String name) {
    return stores
        .accommodations()
        .add(
            new Accommodation(
                stores.accommodations().nextId(),
                name,
                AccommodationType.CABIN,
                4,
                "",
                List.of(),
                null,
                null,
                null,
                true,
                PricingPolicy.flat(Money.ars(20000)).withWeekendMultiplier(new BigDecimal("1.2")),
                1));
  }

  Reservation hold(AccommodationId unit, LocalDate checkIn, int nights, String guest) {
    var result =
        engine
            .placeHold()
            .execute(
                new PlaceHold.Command(
                    unit,
                    StayPeriod.of(checkIn, nights),
                    new GuestCount(2),
                    new GuestContact(guest, null, "+54 9 294 400-0000", null),
                    Channel.WHATSAPP));
    return ((PlaceHold.HoldPlaced) result).reservation();
  }

  Reservation booking(AccommodationId unit, LocalDate checkIn, int nights, String guest) {
    var result =
        engine
            .createOwnerBooking()
            .execute(
                new CreateOwnerBooking.Command(
                    unit,
                    StayPeriod.of(checkIn, nights),
                    new GuestCount(2),
                    new GuestContact(guest, null, "+54 9 11 5555-0000", null),
                    Channel.ADMIN,
                    null,
                    "admin:" + EMAIL));
    return ((CreateOwnerBooking.Booked) result).reservation();
  }

  Reservation block(AccommodationId unit, LocalDate first, int nights, String reason) {
    var result =
        engine
            .blockDates()
            .execute(
                new BlockDates.Command(
                    unit, StayPeriod.of(first, nights), reason, "admin:" + EMAIL));
    return ((BlockDates.Blocked) result).block();
  }

  /** Adds the Airbnb stand-in as a feed of {@code unit} (synced later, from the console). */
  CalendarFeed airbnbFeed(AccommodationId unit) {
    var result =
        new AddFeed(stores.calendarFeeds(), stores.accommodations(), clock)
            .execute(new AddFeed.Command(unit, "airbnb", feedUrl));
    return ((AddFeed.Added) result).feed();
  }

  /**
   * Every kind of stay in November 2026: a hold and a confirmed booking in the first unit, a block
   * in the second, and Airbnb's feed on the first (after a sync: one imported stay and a conflict
   * with the confirmed booking).
   */
  World world() {
    Accommodation lake = unit("Cabaña del Lago");
    Accommodation forest = unit("Cabaña del Bosque");
    Reservation hold = hold(lake.id(), LocalDate.of(2026, 11, 10), 2, "Ana Pérez");
    Reservation confirmed = booking(lake.id(), LocalDate.of(2026, 11, 22), 4, "Carlos Gómez");
    Reservation block = block(forest.id(), LocalDate.of(2026, 11, 17), 3, "Pintura");
    Reservation otherHold = hold(forest.id(), LocalDate.of(2026, 11, 26), 3, "Lucía Fernández");
    airbnbFeed(lake.id());
    return new World(lake, forest, hold, confirmed, block, otherHold);
  }

  record World(
      Accommodation lake,
      Accommodation forest,
      Reservation hold,
      Reservation confirmed,
      Reservation block,
      Reservation otherHold) {}

  // ---- a logged-in browser over HTTP ----

  /** A response with its body. */
  record Page(int status, String body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    /** The first CSRF field's value on the page. */
    String csrf() {
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(body);
      if (!m.find()) {
        throw new AssertionError("no CSRF field on the page: " + body);
      }
      return m.group(1);
    }
  }

  /** A cookie jar over the console (a browser without JavaScript). */
  static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    private final String base;

    Browser(String base) {
      this.base = base;
    }

    Page get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form; {@code fields} are name/value pairs. */
    Page post(String path, String... fields) {
      List<String> pairs = new ArrayList<>();
      for (int i = 0; i < fields.length; i += 2) {
        pairs.add(
            URLEncoder.encode(fields[i], StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
      }
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    /** Logs in through the form; the session cookie is kept. */
    Browser logIn() {
      return logIn(EMAIL, PASSWORD, 303);
    }

    Browser logIn(String email, String password, int expected) {
      Page form = get("/admin/login");
      Page answer =
          post("/admin/login", "_csrf", form.csrf(), "email", email, "password", password);
      if (answer.status() != expected) {
        throw new AssertionError("login answered " + answer.status() + ": " + answer.body());
      }
      return this;
    }

    /** The session's CSRF token, read from a page. */
    String csrf() {
      return get("/admin/password").csrf();
    }

    private Page send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      try {
        HttpResponse<String> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
          String pair = setCookie.split(";", 2)[0];
          int eq = pair.indexOf('=');
          String name = pair.substring(0, eq);
          String value = pair.substring(eq + 1);
          if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
            cookies.remove(name);
          } else {
            cookies.put(name, value);
          }
        }
        return new Page(response.statusCode(), response.body(), response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  Browser browser() {
    return new Browser(base());
  }

  @Override
  public void close() {
    app.stop();
    airbnb.stop(0);
  }
}
