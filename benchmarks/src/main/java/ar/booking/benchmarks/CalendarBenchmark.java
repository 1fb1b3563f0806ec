package ar.booking.benchmarks;

import ar.booking.calendar.FetchSettings;
import ar.booking.calendar.HttpFeedFetcher;
import ar.booking.calendar.Ical4jFeedParser;
import ar.booking.calendar.IcsWriter;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.calendarsync.AddFeed;
import ar.booking.core.calendarsync.CalendarExport;
import ar.booking.core.calendarsync.ExportCalendar;
import ar.booking.core.calendarsync.ExportTokens;
import ar.booking.core.calendarsync.SyncCalendar;
import ar.booking.core.calendarsync.SyncSettings;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.PostgresStores;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * iCal figures for docs/benchmarks.md: the export of a unit with two years of stays (query + RFC
 * 5545 writing), and a sync of 20 units × 3 feeds (Airbnb-, Booking.com- and Vrbo-shaped, served by
 * a local HTTP server) against PostgreSQL — the first sync that imports everything, then syncs that
 * find nothing new. A main, not a test: nothing asserts timing.
 *
 * <pre>
 * --url     jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres
 * --rounds  5
 * </pre>
 */
public final class CalendarBenchmark {

  private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    PostgresSettings server =
        PostgresSettings.fromUrl(
            options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
            10);
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
    System.out.printf(
        Locale.ROOT,
        "# %d cores, JVM %s, medians of %d rounds%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        rounds);
    String name = "booking_bench_ical_" + System.nanoTime();
    ScratchDatabases.admin(server, "CREATE DATABASE " + name);
    try (PostgresStores stores = PostgresStores.start(server.withDatabase(name))) {
      stores.events().register("metrics");
      stores.events().register("notifications");
      export(stores, rounds);
      sync(stores, rounds);
    } finally {
      ScratchDatabases.admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static List<Accommodation> units(PostgresStores stores, int count) {
    List<Accommodation> units = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AccommodationId id = stores.accommodations().nextId();
      units.add(
          stores
              .accommodations()
              .add(
                  new Accommodation(
                      id,
                      "Cabaña del Ñandú " + id + " — vista al lago",
                      AccommodationType.CABIN,
                      4,
                      null,
                      List.of("wifi"),
                      null,
                      null,
                      ZONE,
                      true,
                      PricingPolicy.flat(Money.ars(10_000)),
                      1)));
    }
    return units;
  }

  /** A unit booked end to end for two years (2-night stays, a free night between), exported. */
  private static void export(PostgresStores stores, int rounds) {
    Accommodation unit = units(stores, 1).getFirst();
    LocalDate today = LocalDate.now(ZONE);
    int stays = 0;
    for (LocalDate day = today; day.isBefore(today.plusDays(730)); day = day.plusDays(3)) {
      Reservations.InsertOutcome outcome =
          stores
              .reservations()
              .insert(
                  Reservation.ownerBlock(
                      ReservationCode.random(),
                      unit.id(),
                      new StayPeriod(day, day.plusDays(2)),
                      "bench",
                      Instant.now()),
                  "bench");
      stays += outcome instanceof Reservations.Inserted ? 1 : 0;
    }
    ExportTokens tokens = ExportTokens.fromSecret("benchmark-salt-0123456789abcdef");
    ExportCalendar export =
        new ExportCalendar(
            stores.accommodations(),
            stores.reservations(),
            tokens,
            Clock.systemUTC(),
            ExportCalendar.Settings.forHost("reservas.example.com"));
    IcsWriter writer = new IcsWriter("-//Reservas//Calendar export//ES");
    var query = new ExportCalendar.Query(unit.id(), tokens.tokenFor(unit), Optional.empty());
    int bytes = 0;
    for (int i = 0; i < 200; i++) { // warm-up
      bytes = write(export, writer, query).length;
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < rounds * 100; i++) {
      long start = System.nanoTime();
      write(export, writer, query);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "Export, 1 unit, %d stays over 2 years, %d bytes   p50 %.2f ms  p99 %.2f ms  (%d exports)%n",
        stays,
        bytes,
        millis.get(millis.size() / 2),
        millis.get((int) (millis.size() * 0.99)),
        millis.size());
  }

  private static byte[] write(ExportCalendar export, IcsWriter writer, ExportCalendar.Query query) {
    if (export.execute(query) instanceof ExportCalendar.Exported exported) {
      CalendarExport calendar = exported.calendar();
      return writer.write(calendar, Instant.now());
    }
    throw new IllegalStateException("export refused");
  }

  /** 20 units × 3 feeds, 24 two-night stays each over the next year, on disjoint nights. */
  private static void sync(PostgresStores stores, int rounds) throws Exception {
    List<Accommodation> units = units(stores, 20);
    Map<String, byte[]> feeds = new ConcurrentHashMap<>();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/",
        exchange -> {
          byte[] body = feeds.get(exchange.getRequestURI().getPath());
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    http.setExecutor(pool);
    http.start();
    try {
      String base = "http://127.0.0.1:" + http.getAddress().getPort();
      AddFeed addFeed =
          new AddFeed(stores.calendarFeeds(), stores.accommodations(), Clock.systemUTC());
      String[] sources = {"airbnb", "booking", "vrbo"};
      LocalDate today = LocalDate.now(ZONE);
      int events = 0;
      for (Accommodation unit : units) {
        for (int s = 0; s < sources.length; s++) {
          String path = "/" + sources[s] + "/" + unit.id().value() + ".ics";
          StringBuilder ics =
              new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n");
          for (int k = 0; k < 24; k++) {
            LocalDate in = today.plusDays(5 + 15L * k + 5L * s);
            ics.append("BEGIN:VEVENT\r\nUID:")
                .append(sources[s])
                .append('-')
                .append(unit.id().value())
                .append('-')
                .append(k)
                .append("@bench\r\nDTSTART;VALUE=DATE:")
                .append(in.format(ICS_DATE))
                .append("\r\nDTEND;VALUE=DATE:")
                .append(in.plusDays(2).format(ICS_DATE))
                .append("\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n");
            events++;
          }
          ics.append("END:VCALENDAR\r\n");
          feeds.put(path, ics.toString().getBytes(StandardCharsets.UTF_8));
          var added = addFeed.execute(new AddFeed.Command(unit.id(), sources[s], base + path));
          if (!(added instanceof AddFeed.Added)) {
            throw new IllegalStateException("feed not added: " + added);
          }
        }
      }
      SyncCalendar sync =
          new SyncCalendar(
              stores.calendarFeeds(),
              stores.accommodations(),
              stores.reservations(),
              stores.transactions(),
              new InProcessBookingLocks(),
              stores.events(),
              new HttpFeedFetcher(
                  FetchSettings.production("Reservas-bench/1.0").allowingPrivateAddresses(true)),
              new Ical4jFeedParser(),
              Clock.systemUTC(),
              SyncSettings.DEFAULT);
      long start = System.nanoTime();
      var first = sync.syncAll();
      double firstMs = (System.nanoTime() - start) / 1e6;
      long applied =
          first.stream().filter(f -> f.outcome() instanceof SyncCalendar.Applied).count();
      System.out.printf(
          Locale.ROOT,
          "Sync, 20 units x 3 feeds, %d events, first sync (imports all)   %.0f ms  (%d feeds applied)%n",
          events,
          firstMs,
          applied);
      List<Double> again = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long t = System.nanoTime();
        sync.syncAll();
        again.add((System.nanoTime() - t) / 1e6);
      }
      List<Double> sorted = new ArrayList<>(again);
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "Sync, 20 units x 3 feeds, nothing new                          median %.0f ms  rounds %s%n",
          sorted.get(sorted.size() / 2),
          again.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    } finally {
      http.stop(0);
      pool.shutdownNow();
    }
  }
}
