package ar.booking.persistence;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.guest;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BlockDates;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.PlaceHold;
import ar.booking.core.usecase.Unavailable;
import ar.booking.persistence.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * No night is ever sold twice: two "app instances" (separate pools, separate lock clients) race
 * through the core's use cases on a real PostgreSQL, with Redis up, unreachable, or killed midway.
 */
class DoubleBookingIT {

  static final int THREADS = 64;
  static final String ACTIVE = ReservationRows.ACTIVE;

  static PostgresSettings settings;
  static MutableClock clock;
  static Instance first;
  static Instance second;

  /** One app instance: its own connection pool, its own lock client, its own engine. */
  record Instance(PostgresStores stores, BookingLocks locks, BookingEngine engine)
      implements AutoCloseable {
    static Instance start(BookingLocks locks) {
      PostgresStores stores = PostgresStores.start(settings.withPoolSize(8));
      BookingEngine engine =
          new BookingEngine(
              stores.accommodations(),
              stores.reservations(),
              stores.transactions(),
              locks,
              BookingEvents.NONE,
              clock,
              BookingSettings.DEFAULT);
      return new Instance(stores, locks, engine);
    }

    @Override
    public void close() {
      stores.close();
      if (locks instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception ignored) {
          // test teardown
        }
      }
    }
  }

  @BeforeAll
  static void startInstances() {
    settings = TestDatabases.freshDatabase();
    clock = new MutableClock(NOW);
    first = Instance.start(redisLocks(TestDatabases.redisUrl()));
    second = Instance.start(redisLocks(TestDatabases.redisUrl()));
  }

  @AfterAll
  static void stopInstances() {
    first.close();
    second.close();
  }

  static RedisBookingLocks redisLocks(String url) {
    return RedisBookingLocks.connect(url, null, TestDatabases.keyPrefix(), Duration.ofSeconds(5));
  }

  static Accommodation newUnit(String name) {
    return addCabin(first.stores().accommodations(), name);
  }

  static PlaceHold.Command holdCommand(Accommodation unit, StayPeriod period, int i) {
    return new PlaceHold.Command(
        unit.id(), period, GuestCount.of(2), guest("Huésped " + i), Channel.WHATSAPP);
  }

  /** Runs {@code n} tasks on {@code n} threads released at the same instant. */
  static <T> List<T> race(int n, IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<T> work = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return work.call();
                }));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static long count(String sql) throws SQLException {
    try (Connection c = TestDatabases.connect(settings);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Pairs of active occupancies of one unit sharing a night, found by a plain SQL self-join. */
  static long overlappingPairs() throws SQLException {
    return count(
        "SELECT count(*) FROM reservation a JOIN reservation b ON a.accommodation_id ="
            + " b.accommodation_id AND a.code < b.code AND daterange(a.check_in, a.check_out,"
            + " '[)') && daterange(b.check_in, b.check_out, '[)') WHERE a."
            + ACTIVE
            + " AND b."
            + ACTIVE);
  }

  /** How many active occupancies hold {@code night} of {@code unit}. */
  static long occupantsOf(Accommodation unit, LocalDate night) throws SQLException {
    return count(
        "SELECT count(*) FROM reservation WHERE "
            + ACTIVE
            + " AND accommodation_id = "
            + unit.id().value()
            + " AND check_in <= '"
            + night
            + "' AND check_out > '"
            + night
            + "'");
  }

  static Instance instance(int i) {
    return i % 2 == 0 ? first : second;
  }

  @Test
  void sixtyFourHoldsSharingANightAcrossTwoInstancesLeaveExactlyOne() throws Exception {
    Accommodation unit = newUnit("Cabaña disputada");
    LocalDate night = LocalDate.of(2027, 4, 10);
    Random random = new Random(42);
    List<StayPeriod> asked = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      asked.add(
          new StayPeriod(
              night.minusDays(random.nextInt(4)), night.plusDays(1 + random.nextInt(4))));
    }

    List<PlaceHold.Result> results =
        race(
            THREADS,
            i ->
                () -> instance(i).engine().placeHold().execute(holdCommand(unit, asked.get(i), i)));

    List<Reservation> winners =
        results.stream()
            .filter(PlaceHold.HoldPlaced.class::isInstance)
            .map(r -> ((PlaceHold.HoldPlaced) r).reservation())
            .toList();
    assertThat(winners).hasSize(1);
    Reservation winner = winners.get(0);
    assertThat(results)
        .filteredOn(Unavailable.class::isInstance)
        .hasSize(THREADS - 1)
        .allSatisfy(
            r ->
                assertThat(((Unavailable) r).conflicts())
                    .extracting(BusyPeriod::code)
                    .contains(winner.code()));
    for (LocalDate d : winner.period().nightDates().toList()) {
      assertThat(occupantsOf(unit, d)).isEqualTo(1);
    }
    assertThat(overlappingPairs()).isZero();
  }

  @Test
  void manyOverlappingHoldsOnFewUnitsNeverShareANight() throws Exception {
    List<Accommodation> units = List.of(newUnit("U1"), newUnit("U2"), newUnit("U3"));
    LocalDate start = LocalDate.of(2027, 5, 1);
    Random random = new Random(7);
    List<PlaceHold.Command> commands = new ArrayList<>();
    for (int i = 0; i < THREADS * 2; i++) {
      Accommodation unit = units.get(random.nextInt(units.size()));
      LocalDate in = start.plusDays(random.nextInt(20));
      commands.add(holdCommand(unit, StayPeriod.of(in, 1 + random.nextInt(5)), i));
    }

    List<PlaceHold.Result> results =
        race(
                THREADS,
                t ->
                    () -> {
                      List<PlaceHold.Result> mine = new ArrayList<>();
                      for (int i = t; i < commands.size(); i += THREADS) {
                        mine.add(instance(i).engine().placeHold().execute(commands.get(i)));
                      }
                      return mine;
                    })
            .stream()
            .flatMap(List::stream)
            .toList();

    assertThat(results)
        .allMatch(r -> r instanceof PlaceHold.HoldPlaced || r instanceof Unavailable);
    assertThat(results).filteredOn(PlaceHold.HoldPlaced.class::isInstance).isNotEmpty();
    assertThat(results)
        .filteredOn(Unavailable.class::isInstance)
        .allSatisfy(r -> assertThat(((Unavailable) r).conflicts()).isNotEmpty());
    assertThat(overlappingPairs()).isZero();
    for (Accommodation unit : units) {
      for (int d = 0; d < 26; d++) {
        assertThat(occupantsOf(unit, start.plusDays(d))).isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void locklessConcurrentInsertsOfChainedOverlapsEachGetAClearOutcome() throws Exception {
    // No lock and no pre-check: the constraint alone decides. Chained overlaps (each period
    // overlaps its neighbours) make PostgreSQL deadlock-detect some inserts; those are retried.
    Accommodation unit = newUnit("Cabaña sin lock");
    LocalDate start = LocalDate.of(2027, 11, 1);
    List<Reservations.InsertOutcome> outcomes =
        race(
            THREADS,
            i -> {
              Instance instance = instance(i);
              Reservation block =
                  Reservation.ownerBlock(
                      ReservationCode.random(),
                      unit.id(),
                      StayPeriod.of(start.plusDays(i % 16), 2),
                      "carrera " + i,
                      NOW);
              return () ->
                  instance
                      .stores()
                      .transactions()
                      .inTransaction(() -> instance.stores().reservations().insert(block, "race"));
            });
    assertThat(outcomes)
        .allMatch(o -> o instanceof Reservations.Inserted || o instanceof Reservations.Overlap);
    assertThat(outcomes).filteredOn(Reservations.Inserted.class::isInstance).isNotEmpty();
    assertThat(overlappingPairs()).isZero();
  }

  @Test
  void withOneInstancesRedisUnreachableTheConstraintStillRefusesEveryDoubleBooking()
      throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    RedisBookingLocks deadLocks = redisLocks("redis://127.0.0.1:" + deadPort);
    try (Instance blind = Instance.start(deadLocks)) {
      Accommodation unit = newUnit("Cabaña sin Redis");
      LocalDate night = LocalDate.of(2027, 6, 10);
      List<PlaceHold.Result> results =
          race(
              THREADS,
              i ->
                  () ->
                      (i % 2 == 0 ? first : blind)
                          .engine()
                          .placeHold()
                          .execute(
                              holdCommand(
                                  unit,
                                  new StayPeriod(night.minusDays(i % 3), night.plusDays(1)),
                                  i)));

      assertThat(results).filteredOn(PlaceHold.HoldPlaced.class::isInstance).hasSize(1);
      assertThat(results).filteredOn(Unavailable.class::isInstance).hasSize(THREADS - 1);
      assertThat(occupantsOf(unit, night)).isEqualTo(1);
      assertThat(overlappingPairs()).isZero();
      assertThat(deadLocks.failures()).isPositive();
      assertThat(deadLocks.healthy()).isFalse();
    }
  }

  @Test
  void redisKilledMidTestLeavesZeroOverlaps() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RedisServer redis =
        RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
    redis.start();
    RedisBookingLocks locksA = redisLocks("redis://127.0.0.1:" + port);
    RedisBookingLocks locksB = redisLocks("redis://127.0.0.1:" + port);
    try (Instance a = Instance.start(locksA);
        Instance b = Instance.start(locksB)) {
      List<Accommodation> units = List.of(newUnit("K1"), newUnit("K2"));
      LocalDate start = LocalDate.of(2027, 7, 1);
      Random random = new Random(99);
      List<PlaceHold.Command> commands = new ArrayList<>();
      for (int i = 0; i < THREADS * 3; i++) {
        Accommodation unit = units.get(random.nextInt(units.size()));
        commands.add(
            holdCommand(
                unit, StayPeriod.of(start.plusDays(random.nextInt(15)), 1 + random.nextInt(4)), i));
      }
      AtomicInteger done = new AtomicInteger();
      CountDownLatch halfway = new CountDownLatch(1);
      Thread killer =
          new Thread(
              () -> {
                try {
                  halfway.await();
                  redis.stop();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      killer.start();

      List<PlaceHold.Result> results =
          race(
                  THREADS,
                  t ->
                      () -> {
                        List<PlaceHold.Result> mine = new ArrayList<>();
                        for (int i = t; i < commands.size(); i += THREADS) {
                          mine.add(
                              (i % 2 == 0 ? a : b).engine().placeHold().execute(commands.get(i)));
                          if (done.incrementAndGet() == commands.size() / 3) {
                            halfway.countDown();
                          }
                        }
                        return mine;
                      })
              .stream()
              .flatMap(List::stream)
              .toList();
      killer.join(10_000);

      assertThat(results).hasSize(commands.size());
      assertThat(results)
          .allMatch(r -> r instanceof PlaceHold.HoldPlaced || r instanceof Unavailable);
      assertThat(overlappingPairs()).isZero();
      assertThat(locksA.failures() + locksB.failures()).isPositive();
      assertThat(locksA.healthy()).isFalse();
    } finally {
      try {
        redis.stop();
      } catch (IOException ignored) {
        // already stopped
      }
    }
  }

  @Test
  void anOwnerBlockRacingAGuestHoldEndsWithOneWinnerAndAClearAnswerForTheOther() throws Exception {
    Accommodation unit = newUnit("Cabaña del dueño");
    int holdsWon = 0;
    int blocksWon = 0;
    for (int round = 0; round < 20; round++) {
      StayPeriod period = StayPeriod.of(LocalDate.of(2027, 8, 1).plusDays(round * 3), 2);
      int r = round;
      List<Object> results =
          race(
              2,
              i ->
                  i == 0
                      ? () -> first.engine().placeHold().execute(holdCommand(unit, period, r))
                      : () ->
                          second
                              .engine()
                              .blockDates()
                              .execute(
                                  new BlockDates.Command(unit.id(), period, "arreglos", "owner")));
      Object hold = results.get(0);
      Object block = results.get(1);
      if (hold instanceof PlaceHold.HoldPlaced placed) {
        holdsWon++;
        assertThat(block).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) block).conflicts())
            .extracting(BusyPeriod::code)
            .containsExactly(placed.reservation().code());
      } else {
        blocksWon++;
        assertThat(block).isInstanceOf(BlockDates.Blocked.class);
        assertThat(hold).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) hold).conflicts())
            .extracting(BusyPeriod::code)
            .containsExactly(((BlockDates.Blocked) block).block().code());
      }
      assertThat(occupantsOf(unit, period.checkIn())).isEqualTo(1);
    }
    assertThat(holdsWon + blocksWon).isEqualTo(20);
    assertThat(overlappingPairs()).isZero();
  }

  @Test
  void anImportedStayRacingAGuestHoldEndsWithOneWinnerAndAClearAnswerForTheOther()
      throws Exception {
    Accommodation unit = newUnit("Cabaña en Airbnb");
    for (int round = 0; round < 20; round++) {
      StayPeriod period = StayPeriod.of(LocalDate.of(2027, 9, 1).plusDays(round * 3), 2);
      int r = round;
      Reservation imported =
          Reservation.importedStay(
              ReservationCode.random(),
              unit.id(),
              period,
              Channel.AIRBNB,
              "uid-" + r + "@airbnb.com",
              "Reserved",
              NOW);
      List<Object> results =
          race(
              2,
              i ->
                  i == 0
                      ? () -> first.engine().placeHold().execute(holdCommand(unit, period, r))
                      : () ->
                          second
                              .stores()
                              .transactions()
                              .inTransaction(
                                  () -> second.stores().reservations().insert(imported, "ical")));
      Object hold = results.get(0);
      Object insert = results.get(1);
      if (hold instanceof PlaceHold.HoldPlaced placed) {
        assertThat(insert).isInstanceOf(Reservations.Overlap.class);
        assertThat(((Reservations.Overlap) insert).conflicts())
            .extracting(BusyPeriod::code)
            .containsExactly(placed.reservation().code());
      } else {
        assertThat(insert).isInstanceOf(Reservations.Inserted.class);
        assertThat(((Unavailable) hold).conflicts())
            .extracting(BusyPeriod::code)
            .containsExactly(imported.code());
      }
      assertThat(occupantsOf(unit, period.checkIn())).isEqualTo(1);
    }
    assertThat(overlappingPairs()).isZero();
  }
}
