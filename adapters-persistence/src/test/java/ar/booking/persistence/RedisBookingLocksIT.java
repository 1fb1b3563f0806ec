package ar.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.BookingLocksContract;
import ar.booking.core.shared.AccommodationId;
import ar.booking.persistence.testing.TestDatabases;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisBookingLocksIT extends BookingLocksContract {

  private static RedisBookingLocks locks;

  @BeforeAll
  static void connect() {
    locks =
        RedisBookingLocks.connect(
            TestDatabases.redisUrl(), null, TestDatabases.keyPrefix(), Duration.ofSeconds(5));
  }

  @AfterAll
  static void close() {
    locks.close();
  }

  @Override
  protected BookingLocks locks() {
    return locks;
  }

  @Test
  void aConnectedLockReportsHealthy() {
    assertThat(locks.healthy()).isTrue();
  }

  @Test
  void aCrashedHoldersLockExpiresAfterItsTtl() {
    try (RedisBookingLocks shortLived =
        RedisBookingLocks.connect(
            TestDatabases.redisUrl(), null, TestDatabases.keyPrefix(), Duration.ofMillis(300))) {
      AccommodationId unit = new AccommodationId(System.nanoTime());
      assertThat(shortLived.tryAcquire(unit, Duration.ZERO)).isPresent(); // never released
      assertThat(shortLived.tryAcquire(unit, Duration.ZERO)).isEmpty();
      assertThat(shortLived.tryAcquire(unit, Duration.ofSeconds(2))).isPresent();
    }
  }

  @Test
  void anExpiredLeaseDoesNotReleaseTheNextHoldersLock() throws Exception {
    try (RedisBookingLocks shortLived =
        RedisBookingLocks.connect(
            TestDatabases.redisUrl(), null, TestDatabases.keyPrefix(), Duration.ofMillis(200))) {
      AccommodationId unit = new AccommodationId(System.nanoTime());
      BookingLocks.Lease stale = shortLived.tryAcquire(unit, Duration.ZERO).orElseThrow();
      Thread.sleep(400);
      BookingLocks.Lease current = locks.tryAcquire(unit, Duration.ZERO).orElseThrow();
      stale.close(); // compare-and-delete: the token is not ours any more
      assertThat(locks.tryAcquire(unit, Duration.ZERO)).isEmpty();
      current.close();
    }
  }

  @Test
  void keysCarryThePrefixAndTheUnit() {
    AccommodationId unit = new AccommodationId(System.nanoTime());
    try (BookingLocks.Lease lease = locks.tryAcquire(unit, Duration.ZERO).orElseThrow();
        RedisClient client = RedisClient.create(TestDatabases.redisUrl());
        StatefulRedisConnection<String, String> connection = client.connect()) {
      String key = TestDatabases.keyPrefix() + "lock:unit:" + unit.value();
      assertThat(connection.sync().exists(key)).isEqualTo(1L);
      assertThat(connection.sync().pttl(key)).isBetween(1L, 5000L);
    }
  }

  @Test
  void anUnreachableRedisAnswersEmptyQuicklyAndCountsTheFailure() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (RedisBookingLocks dead =
        RedisBookingLocks.connect(
            "redis://127.0.0.1:" + deadPort, null, "x:", Duration.ofSeconds(5))) {
      long start = System.nanoTime();
      Optional<BookingLocks.Lease> lease =
          dead.tryAcquire(new AccommodationId(1), Duration.ofSeconds(2));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(lease).isEmpty();
      assertThat(took).isLessThan(Duration.ofSeconds(1));
      assertThat(dead.failures()).isPositive();
      assertThat(dead.healthy()).isFalse();
    }
  }
}
