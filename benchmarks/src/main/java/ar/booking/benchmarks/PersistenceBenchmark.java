package ar.booking.benchmarks;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.CheckAvailability;
import ar.booking.core.usecase.PlaceHold;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.RedisBookingLocks;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Throughput and latency of the booking path on PostgreSQL (see docs/benchmarks.md). Every scenario
 * runs in a database of its own, created and dropped here; each is repeated and the median
 * reported, because the machine is small and shared.
 *
 * <pre>
 * --url      jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres (a database to connect to)
 * --redis    redis://127.0.0.1:6379, or "none"
 * --seconds  5   length of one throughput round
 * --rounds   3
 * </pre>
 */
public final class PersistenceBenchmark {

  private static final LocalDate BASE = LocalDate.of(2030, 1, 1);
  private static final GuestContact GUEST = new GuestContact("Bench", "5490000000000", null, null);

  private final PostgresSettings server;
  private final String redisUrl;
  private final int seconds;
  private final int rounds;

  private PersistenceBenchmark(PostgresSettings server, String redisUrl, int seconds, int rounds) {
    this.server = server;
    this.redisUrl = redisUrl;
    this.seconds = seconds;
    this.rounds = rounds;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    PostgresSettings server =
        PostgresSettings.fromUrl(
            options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
            2);
    String redis = options.getOrDefault("redis", "redis://127.0.0.1:6379");
    new PersistenceBenchmark(
            server,
            "none".equals(redis) ? null : redis,
            Integer.parseInt(options.getOrDefault("seconds", "5")),
            Integer.parseInt(options.getOrDefault("rounds", "3")))
        .run();
  }

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "# %d cores, JVM %s, %d rounds of %d s, medians%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        rounds,
        seconds);
    throughput(
        "PlaceHold, 20 units, 8 threads, in-process lock", 20, 8, InProcessBookingLocks::new);
    throughput("PlaceHold, 1 unit, 8 threads, in-process lock", 1, 8, InProcessBookingLocks::new);
    if (redisUrl != null) {
      throughput("PlaceHold, 20 units, 8 threads, Redis lock", 20, 8, this::redisLocks);
      throughput("PlaceHold, 1 unit, 8 threads, Redis lock", 1, 8, this::redisLocks);
    }
    latency();
  }

  private BookingLocks redisLocks() {
    return RedisBookingLocks.connect(
        redisUrl, null, "bench:" + System.nanoTime() + ":", Duration.ofSeconds(5));
  }

  /** Successful holds per second; periods never overlap, so every attempt should succeed. */
  private void throughput(String name, int unitCount, int threads, Supplier<BookingLocks> locks)
      throws Exception {
    List<Double> perSecond = new ArrayList<>();
    long failures = 0;
    for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up, not counted
      try (Scratch scratch = new Scratch(threads + 2)) {
        BookingLocks lock = locks.get();
        BookingEngine engine = scratch.engine(lock);
        List<Accommodation> units = scratch.units(unitCount);
        Map<AccommodationId, AtomicInteger> nextDay = new HashMap<>();
        units.forEach(u -> nextDay.put(u.id(), new AtomicInteger()));
        AtomicLong placed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + Duration.ofSeconds(round < 0 ? 2 : seconds).toNanos();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int seed = t;
          workers.add(
              pool.submit(
                  () -> {
                    Random random = new Random(seed);
                    while (System.nanoTime() < deadline) {
                      Accommodation unit = units.get(random.nextInt(units.size()));
                      int day = nextDay.get(unit.id()).getAndAdd(2);
                      PlaceHold.Result result =
                          engine
                              .placeHold()
                              .execute(
                                  new PlaceHold.Command(
                                      unit.id(),
                                      StayPeriod.of(BASE.plusDays(day), 2),
                                      GuestCount.of(2),
                                      GUEST,
                                      Channel.WHATSAPP));
                      (result instanceof PlaceHold.HoldPlaced ? placed : refused).incrementAndGet();
                    }
                    return null;
                  }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (round >= 0) {
          perSecond.add(placed.get() / elapsed);
          failures += refused.get();
        }
        if (lock instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-52s median %7.0f holds/s   rounds %s   refused %d%n",
        name,
        median(perSecond),
        format(perSecond),
        failures);
  }

  /** p50/p99 of one PlaceHold and of CheckAvailability over 20 units holding a year of stays. */
  private void latency() throws Exception {
    List<Double> holdP50 = new ArrayList<>();
    List<Double> holdP99 = new ArrayList<>();
    List<Double> availP50 = new ArrayList<>();
    List<Double> availP99 = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      try (Scratch scratch = new Scratch(4)) {
        BookingEngine engine = scratch.engine(new InProcessBookingLocks());
        List<Accommodation> units = scratch.units(20);
        int stays = seedYear(scratch, units);
        Random random = new Random(round);
        long[] availability = new long[3000];
        for (int i = -500; i < availability.length; i++) {
          StayPeriod period =
              StayPeriod.of(BASE.plusDays(random.nextInt(360)), 2 + random.nextInt(4));
          long t0 = System.nanoTime();
          CheckAvailability.Options options =
              engine
                  .checkAvailability()
                  .execute(new CheckAvailability.Command(period, GuestCount.of(2)));
          long took = System.nanoTime() - t0;
          if (options.options().size() != 20) {
            throw new IllegalStateException("expected 20 units");
          }
          if (i >= 0) {
            availability[i] = took;
          }
        }
        long[] holds = new long[2000];
        for (int i = -300; i < holds.length; i++) {
          Accommodation unit = units.get(Math.floorMod(i, units.size()));
          // after the seeded year: free nights, so every hold is written
          StayPeriod period = StayPeriod.of(BASE.plusDays(400 + (i + 300) * 2L), 2);
          long t0 = System.nanoTime();
          PlaceHold.Result result =
              engine
                  .placeHold()
                  .execute(
                      new PlaceHold.Command(
                          unit.id(), period, GuestCount.of(2), GUEST, Channel.WHATSAPP));
          long took = System.nanoTime() - t0;
          if (!(result instanceof PlaceHold.HoldPlaced)) {
            throw new IllegalStateException("hold refused: " + result);
          }
          if (i >= 0) {
            holds[i] = took;
          }
        }
        Arrays.sort(availability);
        Arrays.sort(holds);
        holdP50.add(millis(holds, 0.50));
        holdP99.add(millis(holds, 0.99));
        availP50.add(millis(availability, 0.50));
        availP99.add(millis(availability, 0.99));
        if (round == 0) {
          System.out.printf(
              Locale.ROOT, "# availability data: 20 units, %d stays over 2030%n", stays);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-52s p50 %6.2f ms  p99 %6.2f ms   rounds p50 %s p99 %s%n",
        "PlaceHold latency (1 thread, in-process lock)",
        median(holdP50),
        median(holdP99),
        format(holdP50),
        format(holdP99));
    System.out.printf(
        Locale.ROOT,
        "%-52s p50 %6.2f ms  p99 %6.2f ms   rounds p50 %s p99 %s%n",
        "CheckAvailability latency (20 units, 1 year booked)",
        median(availP50),
        median(availP99),
        format(availP50),
        format(availP99));
  }

  /** Confirmed stays of 2–5 nights with 0–2 free nights between them, through 2030. */
  private static int seedYear(Scratch scratch, List<Accommodation> units) {
    Random random = new Random(1);
    int count = 0;
    for (Accommodation unit : units) {
      LocalDate day = BASE;
      while (day.getYear() == BASE.getYear()) {
        StayPeriod period = StayPeriod.of(day, 2 + random.nextInt(4));
        Reservation stay =
            Reservation.confirmedBooking(
                ReservationCode.random(),
                unit.id(),
                Pricing.quote(unit.pricing(), period),
                GuestCount.of(2),
                GUEST,
                Channel.WHATSAPP,
                "",
                java.time.Instant.now());
        scratch.stores.reservations().insert(stay, "bench");
        count++;
        day = period.checkOut().plusDays(random.nextInt(3));
      }
    }
    return count;
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String format(List<Double> values) {
    return values.stream()
        .map(v -> String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v))
        .toList()
        .toString();
  }

  /** A fresh database with the schema, dropped on close. */
  private final class Scratch implements AutoCloseable {
    private final String name = "booking_bench_" + System.nanoTime();
    private final PostgresStores stores;

    Scratch(int poolSize) throws SQLException {
      ScratchDatabases.admin(server, "CREATE DATABASE " + name);
      stores = PostgresStores.start(server.withDatabase(name).withPoolSize(poolSize));
      // As in the app: every write fans its event out to the registered subscribers.
      stores.events().register("metrics");
      stores.events().register("notifications");
    }

    BookingEngine engine(BookingLocks locks) {
      return new BookingEngine(
          stores.accommodations(),
          stores.reservations(),
          stores.transactions(),
          locks,
          BookingEvents.NONE,
          Clock.systemUTC(),
          BookingSettings.DEFAULT);
    }

    List<Accommodation> units(int count) {
      List<Accommodation> units = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        AccommodationId id = stores.accommodations().nextId();
        units.add(
            stores
                .accommodations()
                .add(
                    new Accommodation(
                        id,
                        "Unidad " + id,
                        AccommodationType.CABIN,
                        4,
                        null,
                        List.of("wifi"),
                        null,
                        null,
                        null,
                        true,
                        PricingPolicy.flat(Money.ars(10_000)),
                        1)));
      }
      return units;
    }

    @Override
    public void close() throws SQLException {
      stores.close();
      ScratchDatabases.admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
